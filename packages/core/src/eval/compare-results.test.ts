import { compareResults, twoSidedP, unmatchedTasks } from './compare-results';

describe(compareResults.name, () => {
  it('flags a difference as significant from both stderrs (values from Python math.erfc)', () => {
    const a = { results: { arc_vi: { acc: 0.5, acc_stderr: 0.01 }, mmlu_vi: { acc: 0.28, acc_stderr: 0.013 } } };
    const b = { results: { arc_vi: { acc: 0.53, acc_stderr: 0.01 }, mmlu_vi: { acc: 0.3, acc_stderr: 0.013 }, xcopa_it: { acc: 0.6 } } };
    const [arc, mmlu] = compareResults(a, b);
    expect(arc).toMatchObject({ task: 'arc_vi', metric: 'acc', significant: true });
    expect(arc!.delta).toBeCloseTo(0.03, 12);
    expect(arc!.p).toBeCloseTo(0.0338948535246893, 6);
    expect(mmlu!.p).toBeCloseTo(0.2766584241088666, 6);
    expect(mmlu!.significant).toBe(false);
    expect(unmatchedTasks(a, b)).toEqual({ onlyA: [], onlyB: ['xcopa_it'] });
  });

  it('reports no p-value without stderrs', () => {
    const [row] = compareResults({ results: { t: { acc: 0.1 } } }, { results: { t: { acc: 0.2 } } });
    expect(row!.p).toBeUndefined();
    expect(row!.significant).toBe(false);
  });

  it('p(0) = 1 and p(1.959964) = 0.05', () => {
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
  });
});
