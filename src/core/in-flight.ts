// Work a transport has taken on and not finished (interactions being answered, follow-ups being sent),
// kept so that shutdown can stop taking more and wait, up to a deadline, for what is running.
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private draining = false;

  /** Work started and not yet settled. */
  get size(): number {
    return this.running.size;
  }

  /** False once drain() has begun: new work should be turned away. */
  get accepting(): boolean {
    return !this.draining;
  }

  /** Keeps `work` until it settles. It should not reject (catch and log before tracking). */
  track(work: Promise<unknown>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Stops taking work and waits (at most timeoutMs) for what is running. */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running]), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }
}
