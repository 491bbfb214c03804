// Two or more runs side by side: params and metrics from runs:compare, and one similarity
// matrix per run (same measure) for heat maps on one shared colour scale.
import { defineStore } from 'pinia';
import type { MatrixPayload } from '../../shared/contract';
import type { RunComparison } from '../../shared/store-types';
import { errorMessage, request } from '../api';

/** Heat maps side by side are small: fetch them block-averaged to this size. */
export const COMPARE_MATRIX_SIZE = 400;

interface CompareState {
  ids: number[];
  comparison: RunComparison | null;
  loading: boolean;
  error: string | null;
  differencesOnly: boolean;
  measure: string;
  matrices: Record<number, MatrixPayload | { error: string } | undefined>;
  /** geodesic distances of synthetic runs (same probe set), to order the heat maps along the manifold */
  geodesic: Record<number, MatrixPayload | undefined>;
  matricesLoading: boolean;
}

export const useCompareStore = defineStore('compare', {
  state: (): CompareState => ({
    ids: [],
    comparison: null,
    loading: false,
    error: null,
    differencesOnly: false,
    measure: 'similarity-kernelized',
    matrices: {},
    geodesic: {},
    matricesLoading: false,
  }),
  actions: {
    async open(ids: number[]): Promise<void> {
      this.ids = [...ids];
      this.matrices = {};
      this.geodesic = {};
      if (ids.length < 2) {
        this.comparison = null;
        this.error = null;
        return;
      }
      this.loading = true;
      try {
        this.comparison = await request('runs:compare', { ids });
        this.error = null;
      } catch (err) {
        this.error = errorMessage(err);
      } finally {
        this.loading = false;
      }
      await this.loadMatrices();
    },
    async setMeasure(name: string): Promise<void> {
      this.measure = name;
      this.matrices = {};
      await this.loadMatrices();
    },
    async loadMatrices(): Promise<void> {
      const name = this.measure;
      this.matricesLoading = true;
      const entries = await Promise.all(
        this.ids.map(async (id): Promise<[number, MatrixPayload | { error: string }]> => {
          try {
            return [id, Object.freeze(await request('runs:matrix', { id, name, maxSize: COMPARE_MATRIX_SIZE }))];
          } catch (err) {
            return [id, { error: errorMessage(err) }];
          }
        }),
      );
      if (name !== this.measure) return;
      this.matrices = Object.fromEntries(entries);
      this.matricesLoading = false;
      const missing = this.ids.filter((id) => !(id in this.geodesic) && (this.comparison?.runs.find((r) => r.id === id)?.dataKind ?? 'synthetic') === 'synthetic');
      const geo = await Promise.all(
        missing.map(async (id): Promise<[number, MatrixPayload | undefined]> => {
          try {
            return [id, Object.freeze(await request('runs:matrix', { id, name: 'geodesic', maxSize: COMPARE_MATRIX_SIZE }))];
          } catch {
            return [id, undefined];
          }
        }),
      );
      this.geodesic = { ...this.geodesic, ...Object.fromEntries(geo) };
    },
  },
});
