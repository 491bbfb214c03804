import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { backendInfo, initBackend } from '../../../src/engine/backend';

describe('initBackend', () => {
  it('rejects an unknown LE_BACKEND naming the variable', async () => {
    await expect(initBackend({ forced: 'cuda' })).rejects.toThrow(/LE_BACKEND must be one of tensorflow, wasm, cpu, got "cuda"/);
  });

  it('falls through the native backends that are not installed, logs why, and reports what it uses', async () => {
    const logs: string[] = [];
    const info = await initBackend({ log: (m) => logs.push(m), forced: process.env.LE_BACKEND });
    expect(['tensorflow', 'wasm', 'cpu']).toContain(info.name);
    expect(tf.getBackend()).toBe(info.name);
    expect(backendInfo()).toEqual(info);
    expect(logs.length).toBe(info.fallbacks.length);
    if (info.name !== 'tensorflow') expect(info.fallbacks.some((f) => f.includes('tfjs-node'))).toBe(true);
    // a second call returns the same backend without re-initializing
    expect(await initBackend()).toBe(info);
  });
});
