import type { TokenizedExample } from '../../data/tokenized/tokenize-instruction';
import { shuffled } from '../../data/split';

/** Ignored label (PyTorch / HF convention). */
export const IGNORE_INDEX = -100;

/** A padded causal-LM batch on the host, ready to upload. */
export interface LmBatch {
  readonly batch: number;
  readonly seq: number;
  /** int64 [batch, seq] as numbers. */
  readonly inputIds: number[];
  readonly attentionMask: number[];
  /** Next-token targets, already shifted: labels[b, t] = ids[b, t + 1] or IGNORE_INDEX. */
  readonly labels: number[];
  /** Tokens that contribute to the loss. */
  readonly targetTokens: number;
}

/** Padded lengths come in steps of this many tokens, so few shape buckets get compiled. */
export const LENGTH_STEP = 16;

export function bucketLength(length: number, maxLength: number): number {
  return Math.min(maxLength, Math.max(LENGTH_STEP, Math.ceil(length / LENGTH_STEP) * LENGTH_STEP));
}

/**
 * Right-pads examples into one batch. Loss on 'all' tokens (Okapi: the prompt is learned too) or only
 * on the response (targets inside the prompt are ignored).
 */
export function collateLm(examples: readonly TokenizedExample[], o: { padId: number; maxLength: number; lossOn: 'all' | 'response' }): LmBatch {
  const seq = bucketLength(Math.max(...examples.map((e) => e.inputIds.length)), o.maxLength);
  const inputIds: number[] = [];
  const attentionMask: number[] = [];
  const labels: number[] = [];
  let targetTokens = 0;
  for (const e of examples) {
    for (let t = 0; t < seq; t++) {
      const real = t < e.inputIds.length;
      inputIds.push(real ? e.inputIds[t]! : o.padId);
      attentionMask.push(real ? 1 : 0);
      const next = t + 1;
      const learn = next < e.inputIds.length && (o.lossOn === 'all' || next >= e.promptLength);
      labels.push(learn ? e.inputIds[next]! : IGNORE_INDEX);
      if (learn) targetTokens++;
    }
  }
  return { batch: examples.length, seq, inputIds, attentionMask, labels, targetTokens };
}

/**
 * The micro-batches of one epoch in a seeded order (seed + epoch), so a resumed run sees exactly the
 * batches the interrupted one would have.
 */
export function epochBatches<T>(examples: readonly T[], microBatchSize: number, seed: number, epoch: number): T[][] {
  const order = shuffled(examples, `${seed}/epoch-${epoch}`);
  const batches: T[][] = [];
  for (let i = 0; i < order.length; i += microBatchSize) batches.push(order.slice(i, i + microBatchSize));
  return batches;
}
