// Commands first: while any command, autocomplete or button press is being answered (from the moment a
// transport receives it to the moment its reply is written), background work in slices (core/slice.ts: the
// /timeline picture, the start-up load) starts no new slice. Its wait is capped, so a flood of commands slows
// background work down but never stops it.

/** Calls `run` after `ms`; the returned function cancels it. */
export type After = (ms: number, run: () => void) => () => void;

const realAfter: After = (ms, run) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * The longest a background slice waits for the foreground to empty before it runs anyway (issue 17). Equal to
 * the command p99 target: a command taking longer is late already, and a slicer that waited this long runs a
 * whole slice (2 ms of a picture, 10 ms of the load), so background work keeps at least a tenth of the thread
 * (a third, for the load) however many commands come in.
 */
export const FOREGROUND_WAIT_MS = 20;

export class ForegroundGate {
  private inFlight = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly after: After = realAfter) {}

  /** Whether a command is being answered now. */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  /** One more command being answered. Call the returned function once its reply is written; calling it again does nothing. */
  enter(): () => void {
    this.inFlight++;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.inFlight--;
      if (this.inFlight > 0) return;
      for (const wake of [...this.waiters]) wake();
    };
  }

  /** Runs `work` in the foreground: the gate is held until it settles, returned or thrown. */
  async hold<T>(work: () => Promise<T> | T): Promise<T> {
    const release = this.enter();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Resolves when no command is being answered, or after `maxWaitMs`, whichever is first (at once when idle). */
  idle(maxWaitMs = FOREGROUND_WAIT_MS): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      let cancel = () => {};
      const wake = () => {
        this.waiters.delete(wake);
        cancel();
        resolve();
      };
      this.waiters.add(wake);
      cancel = this.after(maxWaitMs, wake);
    });
  }
}

/** The process's gate: every transport holds it while answering, every background slicer waits on it. */
export const foreground = new ForegroundGate();
