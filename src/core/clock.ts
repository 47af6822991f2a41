// The one source of "now". Only main.ts constructs the real clock; everything else receives one.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests (and the soak script) move by hand. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string | number) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(to: Date | string | number): void {
    this.t = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** A clock that starts at `start` and then runs at real speed (HERALD_FAKE_NOW, for tests of a whole process). */
export function clockStartingAt(start: Date | string, base: Clock = systemClock): Clock {
  const offset = new Date(start).getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}
