// One run: its detail, and the matrices and points the plots need, fetched once and cached.
import { defineStore } from 'pinia';
import type { MatrixPayload, PointsPayload } from '../../shared/contract';
import type { RunDetail } from '../../shared/store-types';
import { errorMessage, request } from '../api';

/** Largest matrix fetched for the heat map and spectrum; bigger ones come block-averaged. */
export const MAX_MATRIX = 2000;

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

interface RunDetailState {
  id: number | null;
  detail: RunDetail | null;
  loading: boolean;
  error: string | null;
  /** keyed `${name}@${maxSize}` */
  matrices: Record<string, Loadable<MatrixPayload>>;
  points: Loadable<PointsPayload> | null;
}

export const useRunDetailStore = defineStore('runDetail', {
  state: (): RunDetailState => ({ id: null, detail: null, loading: false, error: null, matrices: {}, points: null }),
  getters: {
    similarityNames: (s): string[] =>
      (s.detail?.matrices ?? []).map((m) => m.name).filter((n) => /^(similarity-|ntk$)/.test(n)),
    snapshotNames: (s): string[] => (s.detail?.matrices ?? []).map((m) => m.name).filter((n) => n.startsWith('snapshot-')),
    isSynthetic: (s): boolean => s.detail?.config.data.kind === 'synthetic',
  },
  actions: {
    async open(id: number, force = false): Promise<void> {
      if (this.id === id && this.detail && !force) return;
      if (this.id !== id) {
        this.matrices = {};
        this.points = null;
        this.detail = null;
      }
      this.id = id;
      this.loading = true;
      try {
        const detail = await request('runs:get', { id });
        if (this.id === id) {
          this.detail = detail;
          this.error = null;
        }
      } catch (err) {
        if (this.id === id) this.error = errorMessage(err);
      } finally {
        if (this.id === id) this.loading = false;
      }
    },
    async matrix(name: string, maxSize = MAX_MATRIX): Promise<MatrixPayload | null> {
      const id = this.id;
      if (id === null) return null;
      const key = `${name}@${maxSize}`;
      const cached = this.matrices[key];
      if (cached?.status === 'ready') return cached.value;
      if (cached?.status === 'loading') return null;
      this.matrices[key] = { status: 'loading' };
      try {
        const value = await request('runs:matrix', { id, name, maxSize });
        if (this.id === id) this.matrices[key] = { status: 'ready', value: Object.freeze(value) };
        return value;
      } catch (err) {
        if (this.id === id) this.matrices[key] = { status: 'error', message: errorMessage(err) };
        return null;
      }
    },
    async loadPoints(): Promise<void> {
      const id = this.id;
      if (id === null || this.points?.status === 'ready') return;
      this.points = { status: 'loading' };
      try {
        const value = await request('runs:points', { id });
        if (this.id === id) this.points = { status: 'ready', value: Object.freeze(value) };
      } catch (err) {
        if (this.id === id) this.points = { status: 'error', message: errorMessage(err) };
      }
    },
    async saveNote(markdown: string): Promise<void> {
      if (this.id === null || !this.detail) return;
      const res = await request('runs:note', { id: this.id, markdown });
      this.detail.notes = { markdown: res.markdown, updatedAt: new Date().toISOString() };
    },
    async setTags(add: string[], remove: string[]): Promise<void> {
      if (this.id === null || !this.detail) return;
      const { tags } = await request('runs:tags', { id: this.id, add, remove });
      this.detail.tags = tags;
    },
  },
});
