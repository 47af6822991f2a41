// Group commit for one kind of small write (a reminder's claim, its "sent" record): calls made while a
// round trip is in flight wait for it and then go to PostgreSQL together, in one statement. Each caller
// still gets its own answer only once its row is written, so what a caller may rely on after `await` is
// what it was with one statement per call; a busy due-scan (25 posts in flight) makes one round trip
// per wave instead of one per reminder.

export class GroupWriter<In, Out> {
  private waiting: { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  /**
   * `write` runs one statement for a group and returns each input's answer, in order. `key` names the row
   * an input writes: two inputs for one row never share a group (the second waits for the next one, so a
   * compare-and-set still sees the first one's write).
   */
  constructor(
    private readonly write: (inputs: In[]) => Promise<Out[]>,
    private readonly key: (input: In) => unknown,
    private readonly maxGroup = 500,
  ) {}

  run(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      // Calls made in the same turn of the event loop (lanes of a scan starting together) go as one group.
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const group: typeof this.waiting = [];
        const later: typeof this.waiting = [];
        const keys = new Set<unknown>();
        for (const w of this.waiting) {
          const k = this.key(w.input);
          if (group.length >= this.maxGroup || keys.has(k)) later.push(w);
          else {
            keys.add(k);
            group.push(w);
          }
        }
        this.waiting = later;
        try {
          const outs = await this.write(group.map((w) => w.input));
          group.forEach((w, i) => w.resolve(outs[i]));
        } catch (error) {
          for (const w of group) w.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
