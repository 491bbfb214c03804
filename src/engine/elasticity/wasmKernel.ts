// A float64 GEMM micro-kernel in WebAssembly SIMD (f64x2), emitted byte by byte at run time
// (no toolchain, no binary blob). JavaScript float64 loops reach ~1 GFLOP/s here; this kernel
// reaches ~20 GFLOP/s on one core (measured, see scripts/bench.ts).
//
// It works on dot products: a 4×2 tile of C = A·Bᵀ holds 8 accumulators of (k, k+1) lane
// pairs, so A and B need no interleaving, only their rows' K-block copied into memory at a
// fixed stride (gemmRun.ts: one memcpy per row and block).
//
// k(pa, pb, kp, np, c, ldc, accum): for np consecutive pairs of B rows, the 4×2 tiles
//   C[t][2p + u] (+)= Σ_{r < 2·kp} A_t[r] · B_{2p+u}[r],   t < 4, u < 2.
// All arguments are byte offsets/sizes into the imported memory "env.mem":
//   pa: 4 rows of A, row t at pa + t·ROW_STRIDE;  pb: 2·np rows of B, row j at pb + j·ROW_STRIDE
//   kp: k-pairs per row (rows hold 2·kp values, zero-padded), c: the top-left of the 4×2np
//   block of C, ldc: C's row stride in bytes; accum 0 stores the sums, 1 adds them to C.

/** Rows of A per tile, rows of B per tile, and the doubles between packed rows (the largest K block). */
export const MR = 4;
export const NR = 2;
export const ROW_DOUBLES = 256;
const ROW_STRIDE = ROW_DOUBLES * 8;

/** The slice of the WebAssembly API used here (the node typings leave the globals out). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export type WasmModule = object;
export interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (mod: WasmModule, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  validate(bytes: Uint8Array): boolean;
}
declare const WebAssembly: WasmApi;

const uleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return out;
};
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

const I32 = 0x7f;
const V128 = 0x7b;
const get = (i: number): number[] => [0x20, ...uleb(i)];
const set = (i: number): number[] => [0x21, ...uleb(i)];
const tee = (i: number): number[] => [0x22, ...uleb(i)];
const i32c = (v: number): number[] => [0x41, ...uleb(v)];
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const I32_NE = 0x47;
const LOOP = [0x03, 0x40];
const IF = [0x04, 0x40];
const END = 0x0b;
const BR_IF_LOOP = [0x0d, 0x00];
const simd = (op: number, ...rest: number[]): number[] => [0xfd, ...uleb(op), ...rest];
const memarg = (offset: number): number[] => [3, ...uleb(offset)];
const V128_LOAD = (off: number): number[] => simd(0x00, ...memarg(off));
const V128_STORE = (off: number): number[] => simd(0x0b, ...memarg(off));
const V128_ZERO = simd(0x0c, ...new Array<number>(16).fill(0));
const SHUFFLE = (lanes: number[]): number[] => simd(0x0d, ...lanes);
const LOW_LANES = SHUFFLE([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]); // (x₀, y₀)
const HIGH_LANES = SHUFFLE([8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31]); // (x₁, y₁)
const F64X2_ADD = simd(0xf0);
const F64X2_MUL = simd(0xf2);

// locals: params 0..6 = pa pb kp np c ldc accum; i32 7 a, 8 b, 9 end, 10-12 rows 1-3 of C;
// v128 13..20 acc(t, u), 21 b0, 22 b1, 23 av, 24 sums
function kernelBody(): number[] {
  const acc = (t: number, u: number): number => 13 + NR * t + u;
  const [A, B, STOP, B0, B1, AV, SUMS] = [7, 8, 9, 21, 22, 23, 24];
  const rowOfC = [4, 10, 11, 12];
  const c: number[] = [];
  c.push(...get(4), ...get(5), I32_ADD, ...tee(10), ...get(5), I32_ADD, ...tee(11), ...get(5), I32_ADD, ...set(12));
  c.push(...LOOP); // over pairs of B rows
  for (let q = 0; q < MR * NR; q++) c.push(...V128_ZERO, ...set(13 + q));
  c.push(...get(0), ...set(A), ...get(1), ...set(B), ...get(0), ...get(2), ...i32c(16), I32_MUL, I32_ADD, ...set(STOP));
  c.push(...LOOP); // over k-pairs
  c.push(...get(B), ...V128_LOAD(0), ...set(B0), ...get(B), ...V128_LOAD(ROW_STRIDE), ...set(B1));
  for (let t = 0; t < MR; t++) {
    c.push(...get(A), ...V128_LOAD(t * ROW_STRIDE), ...set(AV));
    c.push(...get(acc(t, 0)), ...get(AV), ...get(B0), ...F64X2_MUL, ...F64X2_ADD, ...set(acc(t, 0)));
    c.push(...get(acc(t, 1)), ...get(AV), ...get(B1), ...F64X2_MUL, ...F64X2_ADD, ...set(acc(t, 1)));
  }
  c.push(...get(A), ...i32c(16), I32_ADD, ...tee(A), ...get(B), ...i32c(16), I32_ADD, ...set(B));
  c.push(...get(STOP), I32_NE, ...BR_IF_LOOP, END);
  for (let t = 0; t < MR; t++) {
    // (Σ acc(t,0), Σ acc(t,1)) = low lanes + high lanes
    c.push(...get(acc(t, 0)), ...get(acc(t, 1)), ...LOW_LANES, ...get(acc(t, 0)), ...get(acc(t, 1)), ...HIGH_LANES, ...F64X2_ADD, ...set(SUMS));
    c.push(...get(6), ...IF, ...get(SUMS), ...get(rowOfC[t]), ...V128_LOAD(0), ...F64X2_ADD, ...set(SUMS), END);
    c.push(...get(rowOfC[t]), ...get(SUMS), ...V128_STORE(0));
  }
  for (const row of rowOfC) c.push(...get(row), ...i32c(8 * NR), I32_ADD, ...set(row));
  c.push(...get(1), ...i32c(NR * ROW_STRIDE), I32_ADD, ...set(1));
  c.push(...get(3), ...i32c(1), I32_SUB, ...tee(3), ...BR_IF_LOOP, END);
  c.push(END);
  const body = [...vector([[...uleb(6), I32], [...uleb(MR * NR + 4), V128]]), ...c];
  return [...uleb(body.length), ...body];
}

/** The module's bytes: imports memory env.mem, exports the kernel as "k". */
export function gemmKernelBytes(): Uint8Array {
  const type = section(1, vector([[0x60, ...vector(new Array<number[]>(7).fill([I32])), 0x00]]));
  const imports = section(2, vector([[...name('env'), ...name('mem'), 0x02, 0x00, 0x00]]));
  const funcs = section(3, vector([[0x00]]));
  const exports = section(7, vector([[...name('k'), 0x00, 0x00]]));
  const code = section(10, vector([kernelBody()]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imports, ...funcs, ...exports, ...code]);
}

let compiled: WasmModule | undefined;
/** The compiled kernel module (compiled once per thread). */
export function gemmKernelModule(): WasmModule {
  compiled ??= new WebAssembly.Module(gemmKernelBytes());
  return compiled;
}
