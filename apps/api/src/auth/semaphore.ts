/** Thrown when every slot is taken and the waiting line is full. */
export class SemaphoreFullError extends Error {
  constructor() {
    super('too many requests are waiting');
    this.name = 'SemaphoreFullError';
  }
}

/**
 * At most `slots` tasks run at once; up to `maxWaiting` more wait in line (first come, first served),
 * and beyond that `run` refuses at once rather than letting a queue grow without bound.
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.slots) this.running++;
    else if (this.waiting.length >= this.maxWaiting) throw new SemaphoreFullError();
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
