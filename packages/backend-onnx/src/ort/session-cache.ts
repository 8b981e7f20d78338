/**
 * Least-recently-used cache of compiled sessions, keyed by graph identity + bound shapes. Evicted
 * and cleared entries are released, since each holds native memory.
 */
export class SessionCache<S> {
  private readonly entries = new Map<string, Promise<S>>();

  constructor(private readonly capacity: number, private readonly release: (session: S) => Promise<void>) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached session for `key`, or a new one from `create` (concurrent callers share one). */
  async getOrCreate(key: string, create: () => Promise<S>): Promise<S> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = create();
    this.entries.set(key, pending);
    pending.catch(() => this.entries.delete(key));
    await this.evictBeyondCapacity();
    return pending;
  }

  async clear(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((p) => p.then(this.release, () => undefined)));
  }

  private async evictBeyondCapacity(): Promise<void> {
    while (this.entries.size > this.capacity) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Promise<S>];
      this.entries.delete(oldestKey);
      await oldest.then(this.release, () => undefined);
    }
  }
}
