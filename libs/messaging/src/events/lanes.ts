/**
 * Runs tasks concurrently up to a limit, but one at a time per key and in the order they were
 * submitted: events of different aggregates are handled side by side, the events of one
 * aggregate in the order they arrived.
 */
export class Lanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly limit: number) {}

  /** Resolves once the task is admitted (a free slot); the task then runs in the background. */
  async submit(key: string, task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const before = this.tails.get(key) ?? Promise.resolve();
    const run = before.then(task).catch(() => undefined);
    this.tails.set(key, run);
    const tracked = run.finally(() => {
      this.running.delete(tracked);
      if (this.tails.get(key) === run) this.tails.delete(key);
    });
    this.running.add(tracked);
  }

  /** Waits for every admitted task. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all(this.running);
  }
}
