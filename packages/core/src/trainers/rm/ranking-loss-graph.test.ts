import { createGraph } from '../../ir/create-graph';
import { grad } from '../../ir/autodiff/grad';
import { hostTensor } from '../../ir/host-tensor';
import { interpret } from '../../ir/interpret/reference-program';
import { collateComparisons, rankedPairs, rankOrder, type TokenizedComparison } from './preference-batches';
import { declarePairInputs, listwiseRankingLoss, pairwiseRankingLoss, rankingInputNames as names } from './ranking-loss-graph';
import { allPairsLoss, pairwiseLoss, plackettLuceLoss } from './ranking-losses';

const comparison = (ranks: number[]): TokenizedComparison => ({ ranks, sequences: ranks.map(() => ({ inputIds: [1, 2], promptLength: 1, truncated: false })) });
// K = 2, a K = 3 list, and a K = 4 list with a tie between its last two responses
const comparisons = [comparison([1, 0]), comparison([0, 2, 1]), comparison([2, 0, 1, 2])];
const scores = Float32Array.from([0.3, -1.2, 2.5, 0.1, -0.7, 1.4, -2.2, 0.9, 3.1]);

/** Expected loss from the pure reference functions, on float32-rounded scores. */
function expected(kind: 'pairwise' | 'listwise', s: ArrayLike<number>): number {
  let offset = 0;
  let total = 0;
  for (const c of comparisons) {
    const own = Array.from({ length: c.ranks.length }, (_, i) => s[offset + i]!);
    if (kind === 'listwise') total += plackettLuceLoss(rankOrder(c.ranks).map((i) => own[i]!));
    else {
      const pairs = rankedPairs(c.ranks);
      total += pairs.reduce((sum, [b, w]) => sum + pairwiseLoss(own[b]!, own[w]!), 0) / pairs.length;
    }
    offset += c.ranks.length;
  }
  return total / comparisons.length;
}

function lossGraph(kind: 'pairwise' | 'listwise') {
  const g = createGraph(`ranking-${kind}`);
  const s = g.input('scores', 'float32', ['batch']);
  const loss = kind === 'pairwise' ? pairwiseRankingLoss(s, declarePairInputs(g)) : listwiseRankingLoss(g, s);
  g.output('loss', loss);
  g.output('dscores', grad(loss, [s])[0]!);
  return g;
}

function feeds(values: Float32Array) {
  const b = collateComparisons(comparisons, { padId: 0, maxLength: 16 });
  const p = b.pairs.chosen.length;
  const { count, k } = b.lists;
  return {
    scores: hostTensor('float32', [values.length], values),
    [names.chosen]: hostTensor('int64', [p], b.pairs.chosen),
    [names.rejected]: hostTensor('int64', [p], b.pairs.rejected),
    [names.pairWeight]: hostTensor('float32', [p], b.pairs.weight),
    [names.listIndex]: hostTensor('int64', [count, k], b.lists.index),
    [names.listWeight]: hostTensor('float32', [count, k], b.lists.weight),
    [names.listBias]: hostTensor('float32', [count, k, k], b.lists.bias),
  };
}

describe('ranking losses built in the IR', () => {
  it('pairs: all C(K,2) pairs per comparison (ties skipped), padded to a multiple of 4 with weight 0', () => {
    expect(rankedPairs([2, 0, 1, 2])).toEqual([[1, 2], [1, 0], [1, 3], [2, 0], [2, 3]]);
    const b = collateComparisons(comparisons, { padId: 0, maxLength: 16 });
    expect(b.pairs.chosen.length).toBe(12); // 1 + 3 + 5 real pairs
    expect(b.pairs.weight.reduce((a, w) => a + w, 0)).toBeCloseTo(1, 12);
    // without ties, a comparison's mean pair loss is allPairsLoss of its scores in rank order
    const pairs = rankedPairs([0, 2, 1]);
    const s = [0.1, -0.7, 1.4];
    expect(pairs.reduce((sum, [b, w]) => sum + pairwiseLoss(s[b]!, s[w]!), 0) / pairs.length).toBeCloseTo(allPairsLoss(rankOrder([0, 2, 1]).map((i) => s[i]!)), 12);
  });

  it.each(['pairwise', 'listwise'] as const)('%s loss equals the pure reference function', (kind) => {
    const out = interpret(lossGraph(kind), feeds(scores));
    // pair / list weights are float32 (1/3, 1/9): relative agreement to float32 precision
    expect(Math.abs(out.loss!.data[0]! / expected(kind, scores) - 1)).toBeLessThan(1e-6);
  });

  it.each(['pairwise', 'listwise'] as const)('%s gradient matches central finite differences of the reference', (kind) => {
    const out = interpret(lossGraph(kind), feeds(scores));
    const h = 1e-5;
    const base = Array.from(scores, Number);
    base.forEach((_, i) => {
      const up = [...base]; up[i]! += h;
      const down = [...base]; down[i]! -= h;
      const numeric = (expected(kind, up) - expected(kind, down)) / (2 * h);
      expect(out.dscores!.data[i]).toBeCloseTo(numeric, 6);
    });
  });

  it('stays finite for huge margins (softplus, not log σ)', () => {
    const extreme = Float32Array.from([300, -300, 500, -400, 0, 1e4, -1e4, 0, 1]);
    const out = interpret(lossGraph('pairwise'), feeds(extreme));
    expect(Number.isFinite(out.loss!.data[0])).toBe(true);
    expect(Math.abs(out.loss!.data[0]! / expected('pairwise', extreme) - 1)).toBeLessThan(1e-6);
  });
});
