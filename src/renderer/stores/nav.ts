// Which view is on screen (no router: five views and a run id). The hash mirrors the state
// (#/runs, #/run/12, #/compare/3,4) so a reload or a shared link lands on the same view.
import { defineStore } from 'pinia';

export const VIEWS = ['builder', 'runs', 'detail', 'compare', 'status'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface NavState {
  view: ViewName;
  runId: number | null;
  compareIds: number[];
}

export function stateToHash(s: NavState): string {
  if (s.view === 'detail' && s.runId !== null) return `#/run/${s.runId}`;
  if (s.view === 'compare' && s.compareIds.length) return `#/compare/${s.compareIds.join(',')}`;
  return `#/${s.view}`;
}

export function hashToState(hash: string): NavState {
  const [, view = '', arg = ''] = hash.replace(/^#/, '').split('/');
  const ids = arg
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (view === 'run' && ids.length === 1) return { view: 'detail', runId: ids[0], compareIds: [] };
  if (view === 'compare') return { view: 'compare', runId: null, compareIds: ids };
  const known = (VIEWS as readonly string[]).includes(view) && view !== 'detail';
  return { view: known ? (view as ViewName) : 'runs', runId: null, compareIds: [] };
}

export const useNavStore = defineStore('nav', {
  state: (): NavState => ({ view: 'runs', runId: null, compareIds: [] }),
  getters: {
    hash: (s): string => stateToHash(s),
  },
  actions: {
    go(view: ViewName): void {
      this.view = view;
    },
    openRun(id: number): void {
      this.runId = id;
      this.view = 'detail';
    },
    compare(ids: number[]): void {
      this.compareIds = [...new Set(ids)];
      this.view = 'compare';
    },
    fromHash(hash: string): void {
      const s = hashToState(hash);
      this.view = s.view;
      this.runId = s.runId ?? this.runId;
      if (s.view === 'compare') this.compareIds = s.compareIds;
    },
  },
});
