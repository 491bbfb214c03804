// Batches per-epoch metrics for the sink: one write per second or per 200 epochs, so a
// 20 000-epoch run does not make 20 000 transactions, and a crash loses at most a second.
import type { EpochMetrics, RunSink } from '../../shared/results';

export class EpochBuffer {
  private rows: EpochMetrics[] = [];
  private lastFlush = performance.now();

  constructor(private readonly sink: RunSink | undefined) {}

  push(row: EpochMetrics): void {
    this.rows.push(row);
    if (this.rows.length >= 200 || performance.now() - this.lastFlush > 1000) this.flush();
  }

  flush(): void {
    if (this.sink && this.rows.length) this.sink.epochs(this.rows);
    this.rows = [];
    this.lastFlush = performance.now();
  }
}
