// One graceful shutdown, however many signals arrive: runs each step in order (a failing step is logged
// and the rest still run), with a hard timeout after which the process exits 1 saying so.
import type { Logger } from 'pino';

export interface ShutdownStep {
  name: string;
  run: () => unknown;
}

/** The bound is 5 s from the signal to the exit. */
export const SHUTDOWN_TIMEOUT_MS = 4_500;

export class Shutdown {
  private running: Promise<void> | undefined;

  constructor(
    private readonly log: Logger,
    private readonly steps: ShutdownStep[],
    private readonly timeoutMs = SHUTDOWN_TIMEOUT_MS,
  ) {}

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Starts the shutdown once; every later call returns the same promise. */
  run(signal: string): Promise<void> {
    this.running ??= (async () => {
      this.log.info({ signal }, 'shutting down: no new interactions; finishing those in flight');
      const hard = setTimeout(() => {
        this.log.error({ timeoutMs: this.timeoutMs }, 'shutdown did not finish in time; exiting');
        process.exit(1);
      }, this.timeoutMs);
      for (const step of this.steps) {
        try {
          await step.run();
        } catch (error) {
          this.log.error({ err: error, step: step.name }, 'shutdown step failed');
        }
      }
      clearTimeout(hard);
      this.log.info({ signal }, 'shut down cleanly');
    })();
    return this.running;
  }
}
