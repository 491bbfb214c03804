import type { Command } from '../command';
import { emit, fmt } from '../io';
import { oneOf, optionalNumber, requireString } from '../args';
import { cliSignal } from '../signal';
import { LeError } from '../../shared/errors';
import { ARCHS, LOSSES, MEASURES, hasSigmoidOutput } from '../../shared/types';
import type { ArchName, Measure } from '../../shared/types';
import { matrixCsvLines } from '../../shared/matrixCsv';

const ARCH_NAMES = ARCHS.flatMap((a) => [a, `${a}-sigmoid`]) as ArchName[];

export const similarityCommand: Command = {
  name: 'similarity',
  summary: 'the similarity matrix among all rows of D for the given weights, as S.csv',
  usage: 'similarity --data D.csv --weights W.json --arch A [--loss mse|bce] --measure kernelized|relative|ntk [--lr η] [--engine exact|autodiff] --out S.csv',
  options: {
    data: { type: 'string' },
    weights: { type: 'string' },
    arch: { type: 'string' },
    loss: { type: 'string' },
    measure: { type: 'string' },
    lr: { type: 'string' },
    engine: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, _positionals, ctx) {
    const started = performance.now();
    const arch = oneOf(values, 'arch', ARCH_NAMES);
    const loss = oneOf(values, 'loss', LOSSES, hasSigmoidOutput(arch) ? 'bce' : 'mse');
    if (loss === 'bce' && !hasSigmoidOutput(arch)) throw new LeError('invalid_input', `--loss bce needs a sigmoid output: use --arch ${arch}-sigmoid`, 'loss');
    const measure: Measure = oneOf(values, 'measure', MEASURES);
    const engine = oneOf(values, 'engine', ['auto', 'exact', 'autodiff'] as const, 'auto');
    const lr = optionalNumber(values, 'lr', (v) => v > 0, 'a positive number') ?? 1e-6;
    const out = requireString(values, 'out');
    const [{ readCsvDataset }, { readWeightsFile }, { similarity, usesExactEngine, prepareGemmPool }, { writeFileAtomic }] = await Promise.all([
      import('../../engine/data/csv'),
      import('../../engine/models/weightsFile'),
      import('../../engine/elasticity'),
      import('../../store/csv'),
    ]);
    if (usesExactEngine(arch, engine)) prepareGemmPool(); // its workers boot while the files are read
    const dataset = await readCsvDataset(requireString(values, 'data'));
    const weights = readWeightsFile(requireString(values, 'weights'));
    let lastLog = 0;
    const reportProgress = (done: number, total: number): void => {
      const now = performance.now();
      if (now - lastLog < 1000) return;
      lastLog = now;
      ctx.log(`probed ${done}/${total} examples`);
    };
    const result = await similarity(
      { arch, weights, x: dataset.x, n: dataset.n, d: dataset.d, y: dataset.y, loss, lr, measures: [measure], engine },
      { signal: cliSignal(), onProgress: (done, total) => reportProgress(done, total) },
    );
    const s = result[measure];
    if (!s) throw new LeError('internal', `the ${result.engine} engine returned no ${measure} matrix`);
    const m = result.m;
    const ids = Array.from({ length: m }, (_, i) => i);
    const stats = await writeFileAtomic(out, async (w) => {
      for (const line of matrixCsvLines(ids, s, m, m, { reuseSymmetric: true })) await w.write(line);
    });
    emit(
      ctx,
      {
        out,
        n: m,
        measure,
        engine: result.engine,
        // the exact engine is plain float64 code; only autodiff runs on a tfjs backend
        backend: result.engine === 'exact' ? 'float64' : ((await import('../../engine/backend')).backendInfo()?.name ?? 'unknown'),
        unmoved: result.unmoved,
        probeSeconds: result.seconds,
        seconds: (performance.now() - started) / 1000,
        bytes: stats.bytes,
      },
      (r) => `${r.measure} similarity ${r.n}×${r.n} (${r.engine} engine) → ${r.out} in ${fmt(r.seconds, 3)} s`,
    );
  },
};
