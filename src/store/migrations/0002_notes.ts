// Migration 0002: Markdown notes per run, and indexes for the runs table's filters and sorts.
export const sql = /* sql */ `
CREATE TABLE run_notes (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  markdown TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX runs_status ON runs(status);
CREATE INDEX runs_created ON runs(created_at);
CREATE INDEX runs_dataset ON runs(dataset, arch, loss);
CREATE INDEX run_scalars_key ON run_scalars(key, value);
`;
