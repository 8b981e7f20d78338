import { SessionCache } from './session-cache';

describe(SessionCache.name, () => {
  it('creates once per key and releases the least recently used beyond capacity', async () => {
    const released: string[] = [];
    const sut = new SessionCache<string>(2, async (s) => { released.push(s); });
    let created = 0;
    const make = (name: string) => () => { created++; return Promise.resolve(name); };
    await sut.getOrCreate('a', make('A'));
    await sut.getOrCreate('b', make('B'));
    expect(await sut.getOrCreate('a', make('A2'))).toBe('A');
    await sut.getOrCreate('c', make('C'));
    await new Promise((r) => setImmediate(r));
    expect(created).toBe(3);
    expect(released).toEqual(['B']);
    await sut.clear();
    expect(released.sort()).toEqual(['A', 'B', 'C']);
    expect(sut.size).toBe(0);
  });

  it('releases an evicted session only after the run using it ends', async () => {
    const released: string[] = [];
    const sut = new SessionCache<string>(1, async (s) => { released.push(s); });
    let finishRun!: () => void;
    const running = sut.with('a', () => Promise.resolve('A'), () => new Promise<void>((r) => { finishRun = r; }));
    await Promise.resolve();
    await sut.getOrCreate('b', () => Promise.resolve('B')); // evicts 'a' while it runs
    await new Promise((r) => setImmediate(r));
    expect(released).toEqual([]);
    finishRun();
    await running;
    expect(released).toEqual(['A']);
  });

  it('forgets a failed creation so the next call retries', async () => {
    const sut = new SessionCache<string>(4, async () => undefined);
    await expect(sut.getOrCreate('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await sut.getOrCreate('k', () => Promise.resolve('ok'))).toBe('ok');
  });
});
