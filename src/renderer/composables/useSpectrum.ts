// The eigen-spectrum the pipeline stored with the run (top eigenvalues of the full float64
// matrix, metrics.spectra), for the similarity matrix shown.
import { computed } from 'vue';
import type { ComputedRef, Ref } from 'vue';
import type { RunMetrics } from '../../shared/results';
import type { Measure } from '../../shared/types';

export interface SpectrumState {
  values: number[];
  error: string | null;
}

/** `name` is a stored matrix name: similarity-relative, similarity-kernelized or ntk. */
export function useSpectrum(metrics: Ref<RunMetrics | null | undefined>, name: Ref<string>): ComputedRef<SpectrumState> {
  return computed(() => {
    const measure = name.value.replace(/^similarity-/, '') as Measure;
    const values = metrics.value?.spectra?.[measure];
    if (values) return { values, error: null };
    return { values: [], error: metrics.value ? 'this run stored no spectrum for this matrix' : null };
  });
}
