// A rotatable orthographic projection of 3-D points onto the screen plane (echarts-gl is not
// installed): rotate by yaw about the vertical axis, then pitch about the horizontal one.

export interface View3d {
  /** rotation about the z (vertical) axis, degrees */
  yaw: number;
  /** rotation about the screen's horizontal axis, degrees */
  pitch: number;
}

/** The 3×3 rotation (row-major) applied to data points: R = Rx(pitch) · Rz(yaw). */
export function rotationMatrix(view: View3d): number[] {
  const a = (view.yaw * Math.PI) / 180;
  const b = (view.pitch * Math.PI) / 180;
  const ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b);
  // Rz(yaw) = [[ca,-sa,0],[sa,ca,0],[0,0,1]]; Rx(pitch) = [[1,0,0],[0,cb,-sb],[0,sb,cb]]
  return [ca, -sa, 0, cb * sa, cb * ca, -sb, sb * sa, sb * ca, cb];
}

/**
 * Projects row-major points (n×dim, dim 2 or 3) to screen coordinates [u, v, depth].
 * Data axes: x right, y into the screen, z up; u = rotated x, v = rotated z, depth = rotated y.
 * 2-D points are returned as they are (depth 0).
 */
export function project(points: ArrayLike<number>, dim: number, view: View3d): [number, number, number][] {
  if (dim !== 2 && dim !== 3) throw new Error(`project: dim must be 2 or 3, got ${dim}`);
  if (points.length % dim !== 0) throw new Error('project: the point array is not a multiple of dim');
  const n = points.length / dim;
  const out: [number, number, number][] = [];
  if (dim === 2) {
    for (let i = 0; i < n; i++) out.push([points[2 * i], points[2 * i + 1], 0]);
    return out;
  }
  const r = rotationMatrix(view);
  for (let i = 0; i < n; i++) {
    const x = points[3 * i], y = points[3 * i + 1], z = points[3 * i + 2];
    const rx = r[0] * x + r[1] * y + r[2] * z;
    const ry = r[3] * x + r[4] * y + r[5] * z;
    const rz = r[6] * x + r[7] * y + r[8] * z;
    out.push([rx, rz, ry]);
  }
  return out;
}
