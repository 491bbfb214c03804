// Migration 0001: the run store's first schema. Forward-only: never edit a shipped migration;
// add the next numbered file instead. Every child table cascades from runs.
export const sql = /* sql */ `
CREATE TABLE experiments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uid TEXT NOT NULL UNIQUE,
  experiment_id INTEGER REFERENCES experiments(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted')),
  config_json TEXT NOT NULL,
  seed INTEGER NOT NULL,
  data_kind TEXT NOT NULL,
  dataset TEXT NOT NULL,
  arch TEXT NOT NULL,
  width INTEGER,
  loss TEXT NOT NULL,
  backend TEXT NOT NULL,
  app_version TEXT NOT NULL,
  pid INTEGER,
  created_at TEXT NOT NULL,
  started_at TEXT,
  ended_at TEXT,
  error TEXT,
  metrics_json TEXT,
  timings_json TEXT,
  probe_json TEXT
);
CREATE INDEX runs_experiment ON runs(experiment_id);

CREATE TABLE run_params (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value_json TEXT NOT NULL,
  num REAL,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;

CREATE TABLE run_epochs (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  loss REAL,
  accuracy REAL,
  PRIMARY KEY (run_id, epoch)
) WITHOUT ROWID;

CREATE TABLE run_snapshots (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  measure TEXT NOT NULL,
  pearson REAL,
  spearman REAL,
  PRIMARY KEY (run_id, epoch, measure)
) WITHOUT ROWID;

CREATE TABLE run_scalars (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;

CREATE TABLE run_matrices (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  rows INTEGER NOT NULL CHECK (rows >= 0),
  cols INTEGER NOT NULL CHECK (cols >= 0),
  dtype TEXT NOT NULL CHECK (dtype IN ('float64', 'float32')),
  data BLOB NOT NULL,
  ids BLOB NOT NULL,
  groups BLOB NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (run_id, name)
);

CREATE TABLE run_clustering (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  method TEXT NOT NULL,
  accuracy REAL,
  hungarian_accuracy REAL,
  ari REAL,
  nmi REAL,
  objective REAL,
  assignments BLOB NOT NULL,
  repeats_json TEXT,
  PRIMARY KEY (run_id, method)
) WITHOUT ROWID;

CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;
CREATE INDEX run_tags_tag ON run_tags(tag);
`;
