import type { Command } from '../command';
import { emit, fmt, readJsonFile } from '../io';
import { cliSignal } from '../signal';
import { LeError } from '../../shared/errors';
import { findPreset } from '../../shared/presets';
import type { ExperimentSummary } from '../../shared/results';

function summaryText(r: { runId: number } & ExperimentSummary): string {
  const m = r.metrics;
  const lines = [`run ${r.runId} finished on ${r.backend}: train accuracy ${fmt(m.trainAccuracy)}`];
  for (const [k, v] of Object.entries(m.pearson ?? {})) lines.push(`  pearson(${k} S, geodesic distance) ${fmt(v)}`);
  for (const c of Object.values(m.clustering)) if (c) lines.push(`  ${c.method.padEnd(22)} accuracy ${fmt(c.accuracy)}  ARI ${fmt(c.ari)}  NMI ${fmt(c.nmi)}`);
  const t = r.timings;
  lines.push(`  seconds: data ${fmt(t.dataSeconds, 3)}, train ${fmt(t.trainSeconds, 3)}, probe ${fmt(t.probeSeconds, 3)}, cluster ${fmt(t.clusterSeconds, 3)}`);
  return lines.join('\n');
}

export const runCommand: Command = {
  name: 'run',
  summary: 'the full pipeline (data → train → probe → cluster → metrics), stored as a run',
  usage: 'run --config C.json | --preset ID [--experiment NAME] [--tag T]…',
  options: {
    config: { type: 'string' },
    preset: { type: 'string' },
    experiment: { type: 'string' },
    tag: { type: 'string', multiple: true },
  },
  async run(values, _positionals, ctx) {
    let raw: unknown;
    if (typeof values.config === 'string') raw = readJsonFile(values.config, 'config');
    else if (typeof values.preset === 'string') {
      const preset = findPreset(values.preset);
      if (!preset) throw new LeError('invalid_input', `unknown preset "${values.preset}" (see \`le presets\`)`, 'preset');
      raw = preset.config;
    } else throw new LeError('invalid_input', 'missing required option --config (or --preset)', 'config');
    const [{ dbPathOf }, { executeRun }] = await Promise.all([import('../store'), import('../../jobs/executeRun')]);
    let lastStage = '';
    let lastLog = 0;
    const { runId, summary } = await executeRun(raw, {
      dbPath: dbPathOf(values),
      experiment: typeof values.experiment === 'string' ? values.experiment : undefined,
      tags: (values.tag as unknown as string[] | undefined) ?? undefined,
      signal: cliSignal(),
      log: ctx.log,
      onCreated: (id) => ctx.log(`run ${id} started`),
      onProgress: (p) => {
        const now = performance.now();
        if (p.stage === lastStage && now - lastLog < 2000) return;
        lastStage = p.stage;
        lastLog = now;
        const eta = p.etaSeconds === undefined ? '' : `, ETA ${Math.round(p.etaSeconds)} s`;
        ctx.log(`[${p.stage}] ${p.message} (${Math.round((p.overall ?? 0) * 100)} %${eta})`);
      },
    });
    emit(ctx, { runId, ...summary }, summaryText);
  },
};
