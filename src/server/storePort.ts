// The handler table's view of the run store (src/store): one adapter, used by Electron main
// and the browser-mode server alike.
import type { ExportRequest } from '../shared/contract';
import type { Store } from '../store/store';
import { exportComparisonCsv, exportMatrixCsv, exportRunCsv, exportRunsCsv } from '../store/export';
import type { RunStorePort } from './handlers';

async function writeExport(store: Store, req: ExportRequest, path: string): Promise<{ bytes: number }> {
  switch (req.what) {
    case 'matrix':
      return exportMatrixCsv(store, req.id, req.name, path);
    case 'runs': {
      const { offset: _o, limit: _l, ...query } = req.query ?? {};
      return exportRunsCsv(store, query, path);
    }
    case 'series':
      return exportRunCsv(store, req.id, 'series', path);
    case 'table':
      return exportRunCsv(store, req.id, req.table, path);
    case 'comparison':
      return exportComparisonCsv(store, req.ids, path, { differencesOnly: req.differencesOnly });
  }
}

export function storePort(store: Store): RunStorePort {
  return {
    list: (q) => store.runs.list(q),
    get: (id) => store.runs.get(id),
    compare: (ids, opts) => store.runs.compare(ids, opts),
    delete: (ids) => store.runs.delete(ids),
    addTags: (id, tags) => store.tags.add(id, tags),
    removeTags: (id, tags) => store.tags.remove(id, tags),
    setNote: (id, markdown) => store.notes.set(id, markdown),
    matrix: (id, name) => store.matrices.get(id, name),
    exportCsv: async (req, path) => ({ bytes: (await writeExport(store, req, path)).bytes }),
  };
}
