// A float64 GEMM micro-kernel in WebAssembly SIMD (f64x2), emitted byte by byte at run time
// (no toolchain, no binary blob). JavaScript float64 loops reach ~1 GFLOP/s here; this kernel
// reaches 6-13 GFLOP/s on one core (measured, see scripts/bench.ts).
//
// k(pa, pb, kk, np, c, ldc): for np consecutive 4-column panels of packed B, accumulate the
// 4×4 block C[0..3][4p..4p+3] += Σ_r pa[r][0..3]ᵀ · pb_p[r][0..3]. All arguments are byte
// offsets/sizes into the imported memory "env.mem":
//   pa: 4 rows of A interleaved, pa[4r+t] = A[t][r]   (kk·32 bytes)
//   pb: np panels, each kk·32 bytes, pb_p[4r+t] = B[4p+t][r]
//   c:  the 4×4 block's top-left element, ldc: the row stride of C in bytes. kk ≥ 1, np ≥ 1.

export const MR = 4;

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
const i32c = (v: number): number[] => [0x41, ...uleb(v)];
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const I32_NE = 0x47;
const simd = (op: number, ...rest: number[]): number[] => [0xfd, ...uleb(op), ...rest];
const memarg = (offset: number): number[] => [3, ...uleb(offset)];
const V128_LOAD = (off: number): number[] => simd(0x00, ...memarg(off));
const V128_STORE = (off: number): number[] => simd(0x0b, ...memarg(off));
const LOAD64_SPLAT = (off: number): number[] => simd(0x0a, ...memarg(off));
const V128_ZERO = simd(0x0c, ...new Array<number>(16).fill(0));
const F64X2_ADD = simd(0xf0);
const F64X2_MUL = simd(0xf2);

// locals: params 0..5 = pa pb kk np c ldc; i32 6 a, 7 b, 8 end, 9 addr; v128 10..17 acc, 18 b01, 19 b23, 20 s
function kernelBody(): number[] {
  const acc = (t: number, half: number): number => 10 + 2 * t + half;
  const [A, B, END, ADDR, B01, B23, S] = [6, 7, 8, 9, 18, 19, 20];
  const c: number[] = [];
  c.push(0x03, 0x40); // loop over panels
  for (let q = 0; q < 2 * MR; q++) c.push(...V128_ZERO, ...set(10 + q));
  c.push(...get(0), ...set(A), ...get(1), ...set(B));
  c.push(...get(0), ...get(2), ...i32c(8 * MR), I32_MUL, I32_ADD, ...set(END));
  c.push(0x03, 0x40); // loop over r
  c.push(...get(B), ...V128_LOAD(0), ...set(B01), ...get(B), ...V128_LOAD(16), ...set(B23));
  for (let t = 0; t < MR; t++) {
    c.push(...get(A), ...LOAD64_SPLAT(8 * t), ...set(S));
    c.push(...get(acc(t, 0)), ...get(S), ...get(B01), ...F64X2_MUL, ...F64X2_ADD, ...set(acc(t, 0)));
    c.push(...get(acc(t, 1)), ...get(S), ...get(B23), ...F64X2_MUL, ...F64X2_ADD, ...set(acc(t, 1)));
  }
  c.push(...get(A), ...i32c(8 * MR), I32_ADD, ...set(A), ...get(B), ...i32c(32), I32_ADD, ...set(B));
  c.push(...get(A), ...get(END), I32_NE, 0x0d, 0x00, 0x0b); // br_if r-loop; end
  for (let t = 0; t < MR; t++) {
    c.push(...get(4));
    if (t) c.push(...get(5), ...i32c(t), I32_MUL, I32_ADD);
    c.push(...set(ADDR));
    for (let half = 0; half < 2; half++) {
      const off = 16 * half;
      c.push(...get(ADDR), ...get(ADDR), ...V128_LOAD(off), ...get(acc(t, half)), ...F64X2_ADD, ...V128_STORE(off));
    }
  }
  c.push(...get(B), ...set(1), ...get(4), ...i32c(32), I32_ADD, ...set(4));
  c.push(...get(3), ...i32c(1), I32_SUB, 0x22, ...uleb(3), 0x0d, 0x00, 0x0b); // np -= 1; br_if panel-loop; end
  c.push(0x0b);
  const body = [...vector([[...uleb(4), I32], [...uleb(2 * MR + 3), V128]]), ...c];
  return [...uleb(body.length), ...body];
}

/** The module's bytes: imports memory env.mem, exports the kernel as "k". */
export function gemmKernelBytes(): Uint8Array {
  const type = section(1, vector([[0x60, ...vector(new Array<number[]>(6).fill([I32])), 0x00]]));
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
