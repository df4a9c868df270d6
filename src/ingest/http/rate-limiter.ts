// A sliding-window limiter: at most `perSecond` request starts in any 1,000 ms. One instance per
// source is shared by every request to it in the process (SEC counts requests per user, not per
// company; the price source is one host however many symbols are fetched).

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class RateLimiter {
  private readonly starts: number[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(
    readonly perSecond: number,
    private readonly clock: Clock = realClock,
    private readonly windowMs = 1000,
  ) {}

  /** Resolves when one more request may start; callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.tail.then(() => this.waitTurn());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async waitTurn(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.starts.length && now - this.starts[0]! >= this.windowMs) this.starts.shift();
      if (this.starts.length < this.perSecond) {
        this.starts.push(now);
        return;
      }
      await this.clock.sleep(this.starts[0]! + this.windowMs - now);
    }
  }
}

const shared = new Map<string, RateLimiter>();

/** The process-wide limiter for a source (`sec`, `prices`) at a given rate. */
export function sharedRateLimiter(source: string, perSecond: number): RateLimiter {
  const key = `${source}@${perSecond}`;
  let l = shared.get(key);
  if (!l) shared.set(key, (l = new RateLimiter(perSecond)));
  return l;
}
