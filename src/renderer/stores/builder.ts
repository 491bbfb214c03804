// The experiment builder: the draft, its live validation, the presets, and starting runs.
import { defineStore } from 'pinia';
import type { JobInfo } from '../../shared/contract';
import { PRESETS } from '../../shared/presets';
import { errorMessage, request } from '../api';
import { cloneDraft, defaultDraft, getString, pairConfigs, parseDraftJson, setPath, validateDraft } from '../composables/configDraft';
import type { Draft, Validation } from '../composables/configDraft';

interface BuilderState {
  draft: Draft;
  presetId: string;
  jsonText: string;
  jsonError: string | null;
  starting: boolean;
  startError: string | null;
  /** the latest queued jobs, newest first */
  started: JobInfo[];
}

export const useBuilderStore = defineStore('builder', {
  state: (): BuilderState => ({
    draft: defaultDraft(),
    presetId: '',
    jsonText: JSON.stringify(defaultDraft(), null, 2),
    jsonError: null,
    starting: false,
    startError: null,
    started: [],
  }),
  getters: {
    validation: (s): Validation => validateDraft(s.draft),
    pair: (s) => pairConfigs(s.draft),
  },
  actions: {
    replace(draft: Draft, fromJson = false): void {
      this.draft = draft;
      if (!fromJson) {
        this.jsonText = JSON.stringify(draft, null, 2);
        this.jsonError = null;
      }
    },
    set(path: string, value: unknown): void {
      this.replace(setPath(this.draft, path, value));
    },
    /** Sets a numeric field from an input's text: empty → unset (the paper default applies). */
    setNumber(path: string, text: string): void {
      const t = text.trim();
      this.set(path, t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
    },
    /** Switches the loss and keeps the output layer consistent (BCE needs a -sigmoid arch). */
    setLoss(loss: 'mse' | 'bce'): void {
      const arch = getString(this.draft, 'model.arch', 'relu2').replace(/-sigmoid$/, '');
      let d = setPath(this.draft, 'loss', loss);
      d = setPath(d, 'model.arch', loss === 'bce' ? `${arch}-sigmoid` : arch);
      this.replace(d);
    },
    applyPreset(id: string): void {
      const preset = PRESETS.find((p) => p.id === id);
      if (!preset) return;
      this.presetId = id;
      this.replace(cloneDraft(preset.config));
    },
    setJson(text: string): void {
      this.jsonText = text;
      const parsed = parseDraftJson(text);
      if (parsed.ok) {
        this.jsonError = null;
        this.replace(parsed.draft, true);
      } else this.jsonError = parsed.message;
    },
    reset(): void {
      this.presetId = '';
      this.replace(defaultDraft());
    },
    async startConfigs(configs: unknown[]): Promise<JobInfo[]> {
      this.starting = true;
      this.startError = null;
      const jobs: JobInfo[] = [];
      try {
        for (const config of configs) jobs.push(await request('jobs:start', { config: cloneDraft(config) }));
        this.started = [...jobs, ...this.started].slice(0, 10);
      } catch (err) {
        this.startError = errorMessage(err);
      } finally {
        this.starting = false;
      }
      return jobs;
    },
    start(): Promise<JobInfo[]> {
      if (!this.validation.valid) return Promise.resolve([]);
      return this.startConfigs([this.draft]);
    },
    startPair(): Promise<JobInfo[]> {
      const pair = this.pair;
      if (!pair || !this.validation.valid) return Promise.resolve([]);
      return this.startConfigs(pair);
    },
  },
});
