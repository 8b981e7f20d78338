import { argmax } from './greedy';
import { applyRepetitionPenalty } from './repetition-penalty';
import { softmax } from './softmax';
import { applyTemperature } from './temperature';
import { topKFilter } from './top-k';
import { topPFilter } from './top-p';

const f = (values: number[]): Float32Array => Float32Array.from(values);
const kept = (logits: Float32Array): number[] => [...logits.keys()].filter((i) => logits[i] !== -Infinity);
// probabilities 0.1, 0.2, 0.3, 0.4 (logits = log p; softmax gives p back)
const quarterLogits = f([0.1, 0.2, 0.3, 0.4].map(Math.log));

describe('logits processors', () => {
  it('softmax gives back the probabilities whose logs are the logits, and 0 for -Infinity', () => {
    [...softmax(quarterLogits)].forEach((p, i) => expect(p).toBeCloseTo([0.1, 0.2, 0.3, 0.4][i], 6));
    expect([...softmax(f([-Infinity, 0, 0]))]).toEqual([0, 0.5, 0.5]);
  });

  it('temperature divides the logits', () => {
    expect([...applyTemperature(f([2, -4, 0]), 2)]).toEqual([1, -2, 0]);
    expect(() => applyTemperature(f([1]), 0)).toThrow(/temperature must be a positive number, got 0/);
  });

  it('top-k keeps the k largest, ties with the k-th included', () => {
    expect(kept(topKFilter(f([1, 3, 2, 3]), 2))).toEqual([1, 3]);
    expect(kept(topKFilter(f([1, 3, 2, 3]), 3))).toEqual([1, 2, 3]);
    expect(kept(topKFilter(f([1, 2, 2, 0]), 2))).toEqual([1, 2]);
    expect(kept(topKFilter(f([1, 3, 2, 3]), 0))).toEqual([0, 1, 2, 3]);
  });

  it('top-p removes the least likely tokens whose cumulative mass stays <= 1 - p', () => {
    // ascending cumulative: 0.1, 0.3, 0.6, 1.0
    expect(kept(topPFilter(quarterLogits, 0.75))).toEqual([1, 2, 3]); // remove cum <= 0.25
    expect(kept(topPFilter(quarterLogits, 0.5))).toEqual([2, 3]); // remove cum <= 0.5
    expect(kept(topPFilter(quarterLogits, 0.3))).toEqual([3]); // remove cum <= 0.7
    expect(kept(topPFilter(quarterLogits, 0.01))).toEqual([3]); // the top token always stays
    expect(kept(topPFilter(quarterLogits, 1))).toEqual([0, 1, 2, 3]);
  });

  it('repetition penalty divides positive and multiplies negative logits of seen ids, once each', () => {
    expect([...applyRepetitionPenalty(f([2, -2, 1, 0.5]), [0, 1, 1], 2)]).toEqual([1, -4, 1, 0.5]);
    expect([...applyRepetitionPenalty(f([2, -2]), [0, 1], 1)]).toEqual([2, -2]);
  });

  it('argmax takes the first of tied maxima', () => {
    expect(argmax(f([1, 5, 5, 2]))).toBe(1);
  });
});
