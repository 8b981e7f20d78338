import { bucketLength, collateLm, epochBatches, IGNORE_INDEX } from './sft-batches';

describe(collateLm.name, () => {
  const a = { inputIds: [1, 10, 11, 12, 2], promptLength: 3, truncated: false };
  const b = { inputIds: [1, 20, 2], promptLength: 2, truncated: false };

  it('right-pads to the length bucket and shifts labels to the next token (loss on all tokens)', () => {
    const batch = collateLm([a, b], { padId: 0, maxLength: 512, lossOn: 'all' });
    expect(batch.seq).toBe(16);
    expect(batch.inputIds.slice(0, 6)).toEqual([1, 10, 11, 12, 2, 0]);
    expect(batch.attentionMask.slice(16, 20)).toEqual([1, 1, 1, 0]);
    expect(batch.labels.slice(0, 6)).toEqual([10, 11, 12, 2, IGNORE_INDEX, IGNORE_INDEX]);
    expect(batch.labels.slice(16, 19)).toEqual([20, 2, IGNORE_INDEX]);
    expect(batch.targetTokens).toBe(4 + 2);
  });

  it('ignores prompt targets when the loss is on the response only', () => {
    const batch = collateLm([a], { padId: 0, maxLength: 512, lossOn: 'response' });
    // targets at positions whose next token index ≥ promptLength (3): t = 2 → 12, t = 3 → 2
    expect(batch.labels.slice(0, 5)).toEqual([IGNORE_INDEX, IGNORE_INDEX, 12, 2, IGNORE_INDEX]);
    expect(batch.targetTokens).toBe(2);
  });

  it('buckets lengths in steps of 16, capped at maxLength', () => {
    expect([1, 16, 17, 500].map((n) => bucketLength(n, 512))).toEqual([16, 16, 32, 512]);
    expect(bucketLength(40, 24)).toBe(24);
  });
});

describe(epochBatches.name, () => {
  it('is a seeded permutation per epoch, split into micro-batches', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const e0 = epochBatches(items, 3, 0, 0);
    expect(e0.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(e0.flat().sort()).toEqual(items);
    expect(epochBatches(items, 3, 0, 0)).toEqual(e0);
    expect(epochBatches(items, 3, 0, 1)).not.toEqual(e0);
  });
});
