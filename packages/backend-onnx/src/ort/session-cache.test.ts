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
    expect(created).toBe(3);
    expect(released).toEqual(['B']);
    await sut.clear();
    expect(released.sort()).toEqual(['A', 'B', 'C']);
    expect(sut.size).toBe(0);
  });

  it('forgets a failed creation so the next call retries', async () => {
    const sut = new SessionCache<string>(4, async () => undefined);
    await expect(sut.getOrCreate('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await sut.getOrCreate('k', () => Promise.resolve('ok'))).toBe('ok');
  });
});
