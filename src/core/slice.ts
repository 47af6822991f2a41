// Long work on the event loop in slices: call `await slicer.pause()` between items; it yields to the
// event loop (commands, heartbeats, signals) once the current slice has run for `budgetMs`.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch of synchronous work before Herald lets commands, heartbeats and signals in. */
export const SLICE_MS = 10;

export class Slicer {
  private started = performance.now();

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** Yields when this slice is used up; otherwise resolves without a turn of the event loop. */
  async pause(): Promise<void> {
    if (performance.now() - this.started < this.budgetMs) return;
    await nextTurn();
    this.started = performance.now();
  }
}
