/** Counts, per revision, how many listeners have the op, and when the last one got it. */
export class Deliveries {
  private readonly counts = new Map<number, number>();
  private readonly fullAt = new Map<number, number>();
  private readonly waiters = new Map<number, (at: number) => void>();
  constructor(private readonly listeners: number) {}

  seen(revision: number): void {
    const count = (this.counts.get(revision) ?? 0) + 1;
    if (count < this.listeners) return void this.counts.set(revision, count);
    const at = performance.now();
    this.counts.delete(revision);
    this.fullAt.set(revision, at);
    this.waiters.get(revision)?.(at);
    this.waiters.delete(revision);
  }

  /** When every listener had `revision`, or undefined after `timeoutMs`. */
  whenFull(revision: number, timeoutMs: number): Promise<number | undefined> {
    const at = this.fullAt.get(revision);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(revision);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.set(revision, (when) => {
        clearTimeout(timer);
        resolve(when);
      });
    });
  }
}
