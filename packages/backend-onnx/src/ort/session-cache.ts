interface Entry<S> {
  readonly session: Promise<S>;
  inFlight: number;
  evicted: boolean;
}

/**
 * Least-recently-used cache of compiled sessions, keyed by graph identity + bound shapes. Evicted
 * and cleared entries are released, since each holds native memory; an evicted session that is
 * still running is released when its last run ends.
 */
export class SessionCache<S> {
  private readonly entries = new Map<string, Entry<S>>();

  constructor(private readonly capacity: number, private readonly release: (session: S) => Promise<void>) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached session for `key`, or a new one from `create` (concurrent callers share one). */
  async getOrCreate(key: string, create: () => Promise<S>): Promise<S> {
    return this.entry(key, create).session;
  }

  /** Runs `use` on the session for `key`, keeping it from being released meanwhile. */
  async with<T>(key: string, create: () => Promise<S>, use: (session: S) => Promise<T>): Promise<T> {
    const entry = this.entry(key, create);
    entry.inFlight++;
    try {
      return await use(await entry.session);
    } finally {
      entry.inFlight--;
      if (entry.evicted && entry.inFlight === 0) await this.releaseEntry(entry);
    }
  }

  async clear(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((e) => this.releaseEntry(e)));
  }

  private entry(key: string, create: () => Promise<S>): Entry<S> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const entry: Entry<S> = { session: create(), inFlight: 0, evicted: false };
    this.entries.set(key, entry);
    entry.session.catch(() => this.entries.delete(key));
    void this.evictBeyondCapacity();
    return entry;
  }

  private async evictBeyondCapacity(): Promise<void> {
    while (this.entries.size > this.capacity) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry<S>];
      this.entries.delete(oldestKey);
      oldest.evicted = true;
      if (oldest.inFlight === 0) await this.releaseEntry(oldest);
    }
  }

  private async releaseEntry(entry: Entry<S>): Promise<void> {
    await entry.session.then(this.release, () => undefined);
  }
}
