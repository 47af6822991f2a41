// Long work on the event loop in slices: call `await slicer.pause()` between items; it yields to the
// event loop (commands, heartbeats, signals) once the current slice has run for `budgetMs`.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch of synchronous work before Herald lets commands, heartbeats and signals in. */
export const SLICE_MS = 10;

/**
 * The slice of a picture being drawn (src/pictures): shorter, since a command that arrives meanwhile waits
 * for the slice to end, and a /timeline picture is drawn while the next commands come in (issue 17: at
 * 10,000 articles most answers over 10 ms were asked while a picture was being drawn in 8 ms slices; 2 ms
 * slices measured better than 4 ms ones).
 */
export const PICTURE_SLICE_MS = 2;

export class Slicer {
  private started = performance.now();

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** Whether this slice is used up: a hot loop asks this and awaits turn() only then (each await costs a promise). */
  due(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  /** Yields to the event loop now and starts a new slice. */
  async turn(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }

  /** Yields when this slice is used up; otherwise resolves without a turn of the event loop. */
  async pause(): Promise<void> {
    if (performance.now() - this.started < this.budgetMs) return;
    await this.turn();
  }
}
