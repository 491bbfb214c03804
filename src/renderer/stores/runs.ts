// The runs table: filters, sort and page go to runs:list (the store filters in SQL); the
// selection survives paging so several runs can be compared or deleted together.
import { defineStore } from 'pinia';
import type { RunListQuery } from '../../shared/contract';
import type { RunRow, RunSortKey as SortKey } from '../../shared/store-types';
import { errorMessage, request } from '../api';

export interface RunFilters {
  dataset: string;
  arch: string;
  loss: '' | 'mse' | 'bce';
  status: '' | RunRow['status'];
  tag: string;
  text: string;
}

export const emptyFilters = (): RunFilters => ({ dataset: '', arch: '', loss: '', status: '', tag: '', text: '' });

/** The runs:list request for the current filters, sort and page (empty filters omitted). */
export function buildQuery(f: RunFilters, sort: SortKey, order: 'asc' | 'desc', page: number, pageSize: number): RunListQuery {
  const q: RunListQuery = { sort, order, offset: Math.max(0, page) * pageSize, limit: pageSize };
  if (f.dataset) q.dataset = f.dataset;
  if (f.arch) q.arch = f.arch;
  if (f.loss) q.loss = f.loss;
  if (f.status) q.status = f.status;
  if (f.tag.trim()) q.tag = f.tag.trim();
  if (f.text.trim()) q.text = f.text.trim();
  return q;
}

interface RunsState {
  filters: RunFilters;
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  rows: RunRow[];
  total: number;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  selected: number[];
  /** id of the latest runs:list request; older answers are dropped */
  seq: number;
}

export const useRunsStore = defineStore('runs', {
  state: (): RunsState => ({
    filters: emptyFilters(),
    sort: 'id',
    order: 'desc',
    page: 0,
    pageSize: 25,
    rows: [],
    total: 0,
    loading: false,
    loaded: false,
    error: null,
    selected: [],
    seq: 0,
  }),
  getters: {
    pageCount: (s): number => Math.max(1, Math.ceil(s.total / s.pageSize)),
    query: (s): RunListQuery => buildQuery(s.filters, s.sort, s.order, s.page, s.pageSize),
    hasFilters: (s): boolean => Object.values(s.filters).some((v) => v !== ''),
  },
  actions: {
    async load(): Promise<void> {
      const seq = ++this.seq;
      this.loading = true;
      try {
        const page = await request('runs:list', this.query);
        if (seq !== this.seq) return; // a newer request superseded this one
        this.rows = page.rows;
        this.total = page.total;
        this.error = null;
        if (this.page > 0 && page.rows.length === 0 && page.total > 0) {
          this.page = this.pageCount - 1;
          return this.load();
        }
      } catch (err) {
        if (seq === this.seq) this.error = errorMessage(err);
      } finally {
        if (seq === this.seq) {
          this.loading = false;
          this.loaded = true;
        }
      }
    },
    setFilter<K extends keyof RunFilters>(key: K, value: RunFilters[K]): Promise<void> {
      this.filters[key] = value;
      this.page = 0;
      return this.load();
    },
    clearFilters(): Promise<void> {
      this.filters = emptyFilters();
      this.page = 0;
      return this.load();
    },
    sortBy(key: SortKey): Promise<void> {
      if (this.sort === key) this.order = this.order === 'asc' ? 'desc' : 'asc';
      else {
        this.sort = key;
        this.order = key === 'name' || key === 'dataset' || key === 'arch' ? 'asc' : 'desc';
      }
      return this.load();
    },
    goPage(page: number): Promise<void> {
      this.page = Math.min(Math.max(0, page), this.pageCount - 1);
      return this.load();
    },
    toggle(id: number): void {
      const i = this.selected.indexOf(id);
      if (i >= 0) this.selected.splice(i, 1);
      else this.selected.push(id);
    },
    selectPage(on: boolean): void {
      const ids = this.rows.map((r) => r.id);
      this.selected = on ? [...new Set([...this.selected, ...ids])] : this.selected.filter((id) => !ids.includes(id));
    },
    async remove(ids: number[]): Promise<number> {
      const { deleted } = await request('runs:delete', { ids });
      this.selected = this.selected.filter((id) => !ids.includes(id));
      await this.load();
      return deleted;
    },
    async setTags(id: number, add: string[], remove: string[]): Promise<string[]> {
      const { tags } = await request('runs:tags', { id, add, remove });
      const row = this.rows.find((r) => r.id === id);
      if (row) row.tags = tags;
      return tags;
    },
  },
});
