// Progress across the stages of one experiment: a fraction per stage, weighted into one
// overall fraction, with elapsed time and an ETA from the stage's own rate.
import type { Progress } from '../../shared/types';

type Stage = Progress['stage'];
const WEIGHTS: Record<Stage, number> = { data: 0.03, train: 0.6, probe: 0.27, cluster: 0.08, store: 0.02, done: 0 };
const ORDER: Stage[] = ['data', 'train', 'probe', 'cluster', 'store', 'done'];

export class ProgressTracker {
  private readonly started = performance.now();
  private stageStarted = performance.now();
  private stage: Stage = 'data';
  private lastEmit = 0;

  constructor(
    private readonly emit: ((p: Progress) => void) | undefined,
    private readonly minIntervalMs = 100,
  ) {}

  enter(stage: Stage, message: string): void {
    this.stage = stage;
    this.stageStarted = performance.now();
    this.report(0, message, {}, true);
  }

  report(fraction: number, message: string, extra: Partial<Progress> = {}, force = false): void {
    if (!this.emit) return;
    const now = performance.now();
    if (!force && now - this.lastEmit < this.minIntervalMs && fraction < 1) return;
    this.lastEmit = now;
    const stageElapsed = (now - this.stageStarted) / 1000;
    const before = ORDER.slice(0, ORDER.indexOf(this.stage)).reduce((s, st) => s + WEIGHTS[st], 0);
    this.emit({
      stage: this.stage,
      fraction,
      overall: this.stage === 'done' ? 1 : Math.min(1, before + WEIGHTS[this.stage] * fraction),
      message,
      elapsedSeconds: (now - this.started) / 1000,
      etaSeconds: fraction > 0 && fraction < 1 ? (stageElapsed * (1 - fraction)) / fraction : undefined,
      ...extra,
    });
  }

  get elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
