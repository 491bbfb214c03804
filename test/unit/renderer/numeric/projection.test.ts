import { describe, it, expect } from 'vitest';
import { project, rotationMatrix } from '../../../../src/renderer/numeric/projection';

function matMul(a: number[], b: number[]): number[] {
  const out = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) out[i * 3 + j] += a[i * 3 + k] * b[k * 3 + j];
  return out;
}

describe('rotationMatrix', () => {
  it('equals Rx(pitch)·Rz(yaw) built from elementary rotations', () => {
    const yaw = 37, pitch = -21;
    const a = (yaw * Math.PI) / 180, b = (pitch * Math.PI) / 180;
    const rz = [Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1];
    const rx = [1, 0, 0, 0, Math.cos(b), -Math.sin(b), 0, Math.sin(b), Math.cos(b)];
    const ref = matMul(rx, rz);
    rotationMatrix({ yaw, pitch }).forEach((v, i) => expect(v).toBeCloseTo(ref[i], 14));
  });
  it('is orthogonal (RᵀR = I)', () => {
    const r = rotationMatrix({ yaw: 123, pitch: 45 });
    const rt = [r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]];
    matMul(rt, r).forEach((v, i) => expect(v).toBeCloseTo(i % 4 === 0 ? 1 : 0, 14));
  });
});

describe('project', () => {
  it('identity view shows x right, z up, y as depth', () => {
    expect(project([1, 2, 3], 3, { yaw: 0, pitch: 0 })).toEqual([[1, 3, 2]]);
  });
  it('preserves distances between points (orthographic = rotation then drop depth)', () => {
    const pts = [1, 2, 3, -4, 0.5, 2, 0, 0, -1];
    const p = project(pts, 3, { yaw: 71, pitch: 33 });
    const d = (a: number[], b: number[]): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    expect(d(p[0], p[1])).toBeCloseTo(d(pts.slice(0, 3), pts.slice(3, 6)), 12);
    expect(d(p[1], p[2])).toBeCloseTo(d(pts.slice(3, 6), pts.slice(6, 9)), 12);
  });
  it('yaw 90° turns +x into depth... x→(0,0,1)', () => {
    const [[u, v, depth]] = project([1, 0, 0], 3, { yaw: 90, pitch: 0 });
    expect(u).toBeCloseTo(0, 14);
    expect(v).toBeCloseTo(0, 14);
    expect(depth).toBeCloseTo(1, 14);
  });
  it('2-D passthrough, empty input, bad dims', () => {
    expect(project([1, 2, 3, 4], 2, { yaw: 30, pitch: 10 })).toEqual([[1, 2, 0], [3, 4, 0]]);
    expect(project([], 3, { yaw: 0, pitch: 0 })).toEqual([]);
    expect(() => project([1, 2, 3], 4, { yaw: 0, pitch: 0 })).toThrow(/dim/);
    expect(() => project([1, 2], 3, { yaw: 0, pitch: 0 })).toThrow(/multiple/);
  });
});
