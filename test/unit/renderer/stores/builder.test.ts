import { describe, it, expect, beforeEach } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../../../src/renderer/api';
import { useBuilderStore } from '../../../../src/renderer/stores/builder';
import { useNavStore, hashToState, stateToHash } from '../../../../src/renderer/stores/nav';
import { PRESETS } from '../../../../src/shared/presets';
import { fakeApi } from './fakeApi';

describe('useBuilderStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('the default draft is valid and resolves to the paper defaults', () => {
    const s = useBuilderStore();
    expect(s.validation.valid).toBe(true);
    if (s.validation.valid) {
      expect(s.validation.config.model.width).toBe(40960);
      expect(s.validation.config.train).toMatchObject({ epochs: 20000, lr: 1e-5 });
    }
  });

  it('field edits re-validate with the field path; JSON edits sync the draft', () => {
    const s = useBuilderStore();
    s.set('train.lr', -1);
    expect(s.validation).toMatchObject({ valid: false, field: 'train.lr' });
    expect(s.jsonText).toContain('"lr": -1');
    s.setJson('{ "data": { "kind": "synthetic", "name": "torus" }, "loss": "bce" }');
    expect(s.jsonError).toBeNull();
    expect(s.validation).toMatchObject({ valid: false, field: 'loss' });
    s.setJson('{ "data": ');
    expect(s.jsonError).toBeTruthy();
    expect(s.draft.loss).toBe('bce');
  });

  it('applies a preset', () => {
    const s = useBuilderStore();
    const p = PRESETS.find((x) => x.group === 'mnist')!;
    s.applyPreset(p.id);
    expect(s.presetId).toBe(p.id);
    expect(s.draft.data).toEqual(p.config.data);
    expect(s.validation.valid).toBe(true);
  });

  it('start queues one run; the pair queues ReLU then linear differing only in arch', async () => {
    const api = fakeApi({ 'jobs:start': (req) => ({ jobId: String(Math.random()), status: 'queued', config: (req as { config: unknown }).config }) });
    setApi(api.client);
    const s = useBuilderStore();
    s.set('model.arch', 'linear2');
    await s.start();
    expect(api.calls).toHaveLength(1);
    await s.startPair();
    const [a, b] = api.calls.slice(1).map((c) => (c.req as { config: Record<string, unknown> }).config);
    expect((a.model as { arch: string }).arch).toBe('relu2');
    expect((b.model as { arch: string }).arch).toBe('linear2');
    expect({ ...a, model: null }).toEqual({ ...b, model: null });
    expect(s.started).toHaveLength(3);
  });

  it('an invalid draft starts nothing; a failing start shows the message', async () => {
    const api = fakeApi({ 'jobs:start': () => { throw new Error('queue full'); } });
    setApi(api.client);
    const s = useBuilderStore();
    s.set('seed', -5);
    expect(await s.start()).toEqual([]);
    expect(api.calls).toHaveLength(0);
    s.set('seed', 1);
    await s.start();
    expect(s.startError).toBe('queue full');
    expect(s.starting).toBe(false);
  });
});

describe('nav', () => {
  beforeEach(() => setActivePinia(createPinia()));
  it('hash round trip', () => {
    for (const st of [
      { view: 'runs' as const, runId: null, compareIds: [] },
      { view: 'detail' as const, runId: 12, compareIds: [] },
      { view: 'compare' as const, runId: null, compareIds: [3, 4] },
      { view: 'status' as const, runId: null, compareIds: [] },
    ])
      expect(hashToState(stateToHash(st))).toEqual(st);
    expect(hashToState('#/nonsense')).toMatchObject({ view: 'runs' });
    expect(hashToState('')).toMatchObject({ view: 'runs' });
    const nav = useNavStore();
    nav.compare([5, 5, 6]);
    expect(nav.hash).toBe('#/compare/5,6');
  });
});
