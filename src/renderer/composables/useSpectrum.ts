// The top eigenvalues of a matrix, computed off the current frame (Lanczos, numeric/eigen)
// and timed, so the view can say how long it took.
import { ref, watch } from 'vue';
import type { Ref } from 'vue';
import { topEigenvalues } from '../numeric/eigen';

export interface SpectrumState {
  values: number[];
  ms: number;
  error: string | null;
  computing: boolean;
}

export function useSpectrum(matrix: Ref<{ data: ArrayLike<number>; rows: number } | null>, k = 20): Ref<SpectrumState> {
  const state = ref<SpectrumState>({ values: [], ms: 0, error: null, computing: false });
  let token = 0;
  watch(
    matrix,
    (m) => {
      const mine = ++token;
      if (!m) {
        state.value = { values: [], ms: 0, error: null, computing: false };
        return;
      }
      state.value = { ...state.value, computing: true };
      setTimeout(() => {
        if (mine !== token) return;
        const t0 = performance.now();
        try {
          const values = topEigenvalues(m.data, m.rows, { k: Math.min(k, m.rows) });
          state.value = { values, ms: performance.now() - t0, error: null, computing: false };
        } catch (err) {
          state.value = { values: [], ms: 0, error: err instanceof Error ? err.message : String(err), computing: false };
        }
      }, 16);
    },
    { immediate: true },
  );
  return state;
}
