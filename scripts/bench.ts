// `npm run bench`: seconds per similarity matrix for the exact float64 engine and the autodiff
// probe at n = 1000 MNIST probes (5 vs 8; random [-1, 1] data if MNIST cannot load), GEMM
// GFLOP/s and peak RSS. Prints a Markdown table. BENCH_WIDTHS=4096,40960 BENCH_AUTODIFF=20
// (probes timed for the autodiff row, extrapolated to n).
import { createRng } from '../src/engine/rng';
import { initBackend } from '../src/engine/backend';
import { loadMnist } from '../src/engine/data';
import { similarity, gemmABt, gemmABtSync, closeGemmPool } from '../src/engine/elasticity';
import type { Weights } from '../src/shared/types';

const n = 1000;
const d = 784;
const widths = (process.env.BENCH_WIDTHS ?? '4096,40960').split(',').map(Number);
const autodiffProbes = Number(process.env.BENCH_AUTODIFF ?? 20);
let peak = 0;
const sample = (): void => void (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

async function data(): Promise<{ x: Float64Array; y: Float64Array; source: string }> {
  try {
    const ds = await loadMnist({ primary: [5, 8], auxiliary: [9], perClass: 500, auxiliaryCount: 0 }, 666);
    if (ds.n >= n && ds.d === d) return { x: ds.x.slice(0, n * d), y: Float64Array.from({ length: n }, () => 1), source: 'MNIST 5 vs 8' };
  } catch (e) {
    console.error(`MNIST unavailable (${(e as Error).message}); using random data`);
  }
  const rng = createRng(1);
  return { x: Float64Array.from({ length: n * d }, () => (rng.next() < 0.8 ? -1 : rng.uniform(-1, 1))), y: new Float64Array(n).fill(1), source: 'random [-1, 1]' };
}

function weights(width: number, seed: number): Weights {
  const rng = createRng(seed);
  const u = (len: number, fan: number): Float64Array => Float64Array.from({ length: len }, () => rng.uniform(-1 / Math.sqrt(fan), 1 / Math.sqrt(fan)));
  return {
    layers: [
      { weight: { shape: [width, d], data: u(width * d, d) }, bias: { shape: [width], data: u(width, d) } },
      { weight: { shape: [1, width], data: u(width, width) }, bias: { shape: [1], data: u(1, width) } },
    ],
  };
}

async function main(): Promise<void> {
  const backend = await initBackend();
  const { x, y, source } = await data();
  const rows: string[] = [];
  const k = 4096;
  const A = Float64Array.from({ length: n * k }, (_, i) => Math.sin(i));
  const B = Float64Array.from({ length: n * k }, (_, i) => Math.cos(i));
  for (const [label, run] of [
    ['GEMM 1000×1000×4096, 1 thread', () => Promise.resolve(gemmABtSync(A, B, n, n, k))],
    ['GEMM 1000×1000×4096, pool', () => gemmABt(A, B, n, n, k)],
  ] as const) {
    await run();
    const t = performance.now();
    await run();
    const s = (performance.now() - t) / 1000;
    rows.push(`| ${label} | — | ${s.toFixed(3)} | ${((2 * n * n * k) / s / 1e9).toFixed(1)} GFLOP/s |`);
  }
  for (const width of widths) {
    const w = weights(width, 666);
    const input = { arch: 'relu2' as const, weights: w, x, n, d, y, loss: 'mse' as const, lr: 1e-6, measures: ['relative' as const, 'kernelized' as const] };
    const r = await similarity({ ...input, engine: 'exact' });
    const flops = 2 * n * width * d + n * n * d + n * n * width + 2 * n * n * width; // H, Gram, σσᵀ (half), U·Pᵀ
    rows.push(`| exact relu2, width ${width}, relative + kernelized | ${n} | ${r.seconds.toFixed(3)} | ${(flops / r.seconds / 1e9).toFixed(1)} GFLOP/s effective, ${r.flips ?? 0} flip terms |`);
    const rn = await similarity({ ...input, measures: ['ntk'], engine: 'exact' });
    rows.push(`| exact relu2 NTK, width ${width} | ${n} | ${rn.seconds.toFixed(3)} | |`);
    if (width <= 4096 && autodiffProbes > 0) {
      const sub = Array.from({ length: autodiffProbes }, (_, i) => i);
      const ra = await similarity({ ...input, probeIds: sub, engine: 'autodiff' });
      // per probe: one gradient plus a forward pass over m probes; with n probes each forward covers n rows
      rows.push(`| autodiff relu2 (${backend.name}), width ${width} | ${autodiffProbes} timed | ${ra.seconds.toFixed(3)} | ≥ ${((ra.seconds / autodiffProbes) * n).toFixed(0)} s extrapolated to ${n} probes (forward cost grows with m: lower bound) |`);
    }
  }
  sample();
  clearInterval(timer);
  await closeGemmPool();
  console.log(`\nData: ${source}, n = ${n}, d = ${d}; backend ${backend.name}; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB\n`);
  console.log('| what | probes | seconds | note |\n|---|---|---|---|\n' + rows.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
