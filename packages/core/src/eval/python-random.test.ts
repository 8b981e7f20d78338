import { PythonRandom } from './python-random';

// Expected values were printed by CPython 3.11 (`random.Random(seed)`), not by this code.
describe(PythonRandom.name, () => {
  it('produces the same 32-bit outputs as CPython for seed 42', () => {
    const sut = new PythonRandom(42);
    expect([sut.getrandbits(32), sut.getrandbits(32), sut.getrandbits(32)]).toEqual([2746317213, 478163327, 107420369]);
  });

  it('random() matches CPython', () => {
    expect(new PythonRandom(42).random()).toBe(0.6394267984578837);
  });

  it('shuffle matches CPython', () => {
    expect(new PythonRandom(42).shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([7, 3, 2, 8, 5, 6, 9, 4, 0, 1]);
  });

  it('sample from a large population (set strategy) matches CPython', () => {
    const population = Array.from({ length: 1118 }, (_, i) => i);
    expect(new PythonRandom(42).sample(population, 25)).toEqual([
      228, 51, 563, 501, 457, 285, 209, 1116, 178, 864, 65, 61, 191, 447, 476, 1034, 54, 407, 859, 451, 919, 569, 13, 326, 865,
    ]);
  });

  it('sample from a small population (pool strategy) matches CPython', () => {
    const population = Array.from({ length: 30 }, (_, i) => i);
    expect(new PythonRandom(42).sample(population, 26)).toEqual([
      20, 3, 0, 23, 8, 7, 24, 4, 28, 17, 2, 18, 13, 1, 27, 16, 21, 29, 25, 9, 15, 11, 12, 5, 6, 22,
    ]);
  });

  it('randbelow matches CPython randrange for seed 0', () => {
    expect(new PythonRandom(0).randbelow(1000)).toBe(864);
  });

  it('rejects a sample larger than the population', () => {
    expect(() => new PythonRandom(1).sample([1, 2], 3)).toThrow(/larger than population/);
  });
});
