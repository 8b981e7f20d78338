import type { TokenizedExample } from '../../data/tokenized/tokenize-instruction';
import { bucketLength } from '../sft/sft-batches';

/** One comparison: K ≥ 2 tokenised prompt + response sequences of one prompt, and their ranks (0 = best). */
export interface TokenizedComparison {
  readonly sequences: readonly TokenizedExample[];
  /** Equal ranks are ties: no pair between them. */
  readonly ranks: readonly number[];
}

/** Pairs of a batch: rows of the preferred and dispreferred sequence, and each pair's loss weight. */
export interface BatchPairs {
  readonly chosen: number[];
  readonly rejected: number[];
  readonly weight: number[];
}

/** Lists of a batch for the Plackett–Luce loss, [lists, k] (and [lists, k, k] for `bias`). */
export interface BatchLists {
  readonly count: number;
  readonly k: number;
  readonly index: number[];
  readonly weight: number[];
  readonly bias: number[];
}

/** Right-padded sequences of several comparisons, with the pairs and lists that compare them. */
export interface RankBatch {
  readonly batch: number;
  readonly seq: number;
  readonly inputIds: number[];
  readonly attentionMask: number[];
  /** Next-token targets inside each response (0 elsewhere), for sequence log-probs (DPO). */
  readonly responseTargets: number[];
  /** 1 where `responseTargets` counts. */
  readonly responseMask: number[];
  readonly pairs: BatchPairs;
  readonly lists: BatchLists;
  readonly comparisons: number;
}

/** Pair counts are padded up to a multiple of this (weight 0), so few shape buckets get compiled. */
export const PAIR_STEP = 4;
/** Additive bias that removes an item from a Plackett–Luce stage. */
export const UNAVAILABLE = -1e9;

/** All (better, worse) index pairs of one comparison, best-ranked first; ties give no pair. */
export function rankedPairs(ranks: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranks.length; i++) {
    for (let j = 0; j < ranks.length; j++) if (ranks[i]! < ranks[j]!) pairs.push([i, j]);
  }
  return pairs.sort((a, b) => ranks[a[0]]! - ranks[b[0]]! || ranks[a[1]]! - ranks[b[1]]! || a[0] - b[0] || a[1] - b[1]);
}

/** Indices of a comparison's sequences, best first (ties keep their listed order). */
export function rankOrder(ranks: readonly number[]): number[] {
  return ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
}

/**
 * Collates comparisons: every sequence becomes a right-padded row; each comparison contributes all its
 * C(K,2) pairs, weighted so the batch loss is the mean over comparisons of each one's mean pair loss
 * (`allPairsLoss`), and one Plackett–Luce list weighted 1 / comparisons.
 */
export function collateComparisons(comparisons: readonly TokenizedComparison[], o: { padId: number; maxLength: number }): RankBatch {
  const rows = comparisons.flatMap((c) => c.sequences);
  const seq = bucketLength(Math.max(...rows.map((e) => e.inputIds.length)), o.maxLength);
  const inputIds: number[] = [];
  const attentionMask: number[] = [];
  const responseTargets: number[] = [];
  const responseMask: number[] = [];
  for (const e of rows) {
    for (let t = 0; t < seq; t++) {
      const real = t < e.inputIds.length;
      inputIds.push(real ? e.inputIds[t]! : o.padId);
      attentionMask.push(real ? 1 : 0);
      const next = t + 1;
      const learn = next < e.inputIds.length && next >= e.promptLength;
      responseTargets.push(learn ? e.inputIds[next]! : 0);
      responseMask.push(learn ? 1 : 0);
    }
  }
  return {
    batch: rows.length, seq, inputIds, attentionMask, responseTargets, responseMask,
    pairs: collatePairs(comparisons), lists: collateLists(comparisons), comparisons: comparisons.length,
  };
}

function collatePairs(comparisons: readonly TokenizedComparison[]): BatchPairs {
  const pairs: BatchPairs = { chosen: [], rejected: [], weight: [] };
  let offset = 0;
  for (const c of comparisons) {
    const own = rankedPairs(c.ranks);
    for (const [better, worse] of own) {
      pairs.chosen.push(offset + better);
      pairs.rejected.push(offset + worse);
      pairs.weight.push(1 / (comparisons.length * own.length));
    }
    offset += c.sequences.length;
  }
  while (pairs.chosen.length === 0 || pairs.chosen.length % PAIR_STEP !== 0) {
    pairs.chosen.push(0);
    pairs.rejected.push(0);
    pairs.weight.push(0);
  }
  return pairs;
}

function collateLists(comparisons: readonly TokenizedComparison[]): BatchLists {
  const k = Math.max(...comparisons.map((c) => c.sequences.length));
  const lists: BatchLists = { count: comparisons.length, k, index: [], weight: [], bias: [] };
  let offset = 0;
  for (const c of comparisons) {
    const order = rankOrder(c.ranks);
    for (let i = 0; i < k; i++) {
      lists.index.push(i < order.length ? offset + order[i]! : 0);
      lists.weight.push(i < order.length ? 1 / comparisons.length : 0);
      for (let j = 0; j < k; j++) lists.bias.push(j >= i && j < order.length ? 0 : UNAVAILABLE);
    }
    offset += c.sequences.length;
  }
  return lists;
}
