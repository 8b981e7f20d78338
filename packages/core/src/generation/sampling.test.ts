import { Rng } from '../util/rng';
import { chooseNextToken } from './next-token';
import { samplingFromGenerationConfig } from './sampling-from-config';
import { okapiSamplingDefaults } from './sampling-options';
import { sampleFromLogits } from './sample';
import { cutAtStopString, findStopString, stopReason } from './stop-criteria';

const f = (values: number[]): Float32Array => Float32Array.from(values);
const fixed = (u: number) => ({ next: () => u });
const quarterLogits = f([0.1, 0.2, 0.3, 0.4].map(Math.log)); // cumulative 0.1, 0.3, 0.6, 1.0

describe(sampleFromLogits.name, () => {
  it.each([[0.05, 0], [0.25, 1], [0.59, 2], [0.65, 3], [0.999, 3]])('u = %s draws index %s (inverse CDF)', (u, index) => {
    expect(sampleFromLogits(quarterLogits, fixed(u))).toBe(index);
  });

  it('never draws a filtered token', () => {
    expect(sampleFromLogits(f([-Infinity, 0, -Infinity, 0]), fixed(0.2))).toBe(1);
    expect(sampleFromLogits(f([-Infinity, 0, -Infinity, 0]), fixed(0.7))).toBe(3);
    expect(() => sampleFromLogits(f([-Infinity, -Infinity]), fixed(0.5))).toThrow(/every logit is -Infinity/);
  });

  it('matches the distribution over many seeded draws, and repeats with the same seed', () => {
    const draw = (seed: number): number[] => {
      const rng = Rng.fromSeed(seed);
      return Array.from({ length: 20000 }, () => sampleFromLogits(quarterLogits, rng));
    };
    const draws = draw(7);
    const frequency = [0, 1, 2, 3].map((i) => draws.filter((d) => d === i).length / draws.length);
    frequency.forEach((p, i) => expect(Math.abs(p - [0.1, 0.2, 0.3, 0.4][i])).toBeLessThan(0.015));
    expect(draw(7)).toEqual(draws);
  });
});

describe(chooseNextToken.name, () => {
  it('greedy applies only the repetition penalty', () => {
    expect(chooseNextToken(f([2, 1.5]), [0], { doSample: false, repetitionPenalty: 2 }, fixed(0))).toBe(1);
    expect(chooseNextToken(f([2, 1.5]), [], { doSample: false, temperature: 0.0001, topK: 1 }, fixed(0))).toBe(0);
  });

  it('sampling with top_k 1 always picks the best token, whatever the draw', () => {
    for (const u of [0, 0.3, 0.99]) expect(chooseNextToken(quarterLogits, [], { topK: 1 }, fixed(u))).toBe(3);
  });

  it('low temperature sharpens toward the best token', () => {
    // at T = 0.01 the top token has probability ~1 - 1e-12
    expect(chooseNextToken(quarterLogits, [], { temperature: 0.01 }, fixed(0.999))).toBe(3);
    expect(chooseNextToken(quarterLogits, [], { temperature: 1 }, fixed(0.05))).toBe(0);
  });
});

describe('stop criteria', () => {
  it('finds the earliest stop string and cuts before it', () => {
    expect(findStopString('abc### Instruction', ['###', 'c#'])).toEqual({ index: 2, stop: 'c#' });
    expect(cutAtStopString('Answer.\n### Instruction:', ['### Instruction'])).toBe('Answer.\n');
    expect(cutAtStopString('Answer.', ['###'])).toBe('Answer.');
  });

  it('reports eos, then stop strings, then the token budget', () => {
    const criteria = { eosIds: [2, 7], stopStrings: ['###'], maxNewTokens: 3 };
    expect(stopReason([5, 7], 'ab', criteria)).toBe('eos');
    expect(stopReason([5, 6], 'a###', criteria)).toBe('stop_string');
    expect(stopReason([5, 6, 8], 'abc', criteria)).toBe('max_new_tokens');
    expect(stopReason([5], 'a', criteria)).toBeUndefined();
  });
});

describe(samplingFromGenerationConfig.name, () => {
  it('uses transformers defaults, then the file, then explicit overrides', () => {
    expect(samplingFromGenerationConfig(undefined)).toEqual({ doSample: false, temperature: 1, topK: 50, topP: 1, repetitionPenalty: 1 });
    const file = { do_sample: true, temperature: 0.6, top_p: 0.9 };
    expect(samplingFromGenerationConfig(file)).toEqual({ doSample: true, temperature: 0.6, topK: 50, topP: 0.9, repetitionPenalty: 1 });
    expect(samplingFromGenerationConfig(file, okapiSamplingDefaults)).toEqual({ doSample: true, temperature: 1, topK: 40, topP: 0.75, repetitionPenalty: 1 });
  });
});
