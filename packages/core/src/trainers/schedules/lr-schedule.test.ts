import { lrMultiplier } from './lr-schedule';

describe(lrMultiplier.name, () => {
  const cosine = { kind: 'cosine' as const, warmupSteps: 10, totalSteps: 110 };

  it('warms up linearly from zero', () => {
    expect(lrMultiplier(0, cosine)).toBe(0);
    expect(lrMultiplier(5, cosine)).toBe(0.5);
  });

  it('follows half a cosine after warm-up (HF num_cycles = 0.5)', () => {
    expect(lrMultiplier(10, cosine)).toBe(1);
    // progress 0.5 -> 0.5 * (1 + cos(pi/2)) = 0.5
    expect(lrMultiplier(60, cosine)).toBeCloseTo(0.5, 12);
    // progress 0.25 -> 0.5 * (1 + cos(pi/4)) = 0.853553...
    expect(lrMultiplier(35, cosine)).toBeCloseTo(0.8535533905932737, 12);
    expect(lrMultiplier(110, cosine)).toBeCloseTo(0, 12);
    expect(lrMultiplier(500, cosine)).toBeGreaterThanOrEqual(0);
  });

  it('supports linear and constant decay', () => {
    expect(lrMultiplier(60, { ...cosine, kind: 'linear' })).toBeCloseTo(0.5, 12);
    expect(lrMultiplier(200, { ...cosine, kind: 'linear' })).toBe(0);
    expect(lrMultiplier(200, { ...cosine, kind: 'constant' })).toBe(1);
  });
});
