import { bucketLength } from '../sft/sft-batches';

/** Token ids of one rollout: the (left-truncated) query and the sampled response. */
export interface RolloutTokens {
  readonly queryIds: readonly number[];
  readonly responseIds: readonly number[];
}

/**
 * Rollouts packed as one right-padded [batch, seq] batch. Position t predicts token t + 1, so a row's
 * response tokens are predicted at positions queryLength − 1 … queryLength + responseLength − 2.
 */
export interface PackedRollouts {
  readonly batch: number;
  readonly seq: number;
  readonly inputIds: number[];
  readonly attentionMask: number[];
  /** The predicted (next) token at response positions, 0 elsewhere. */
  readonly targets: number[];
  /** 1 at response positions. */
  readonly mask: Float32Array;
  /** Flat index of each row's first response position. */
  readonly starts: readonly number[];
  readonly lengths: readonly number[];
}

export function packRollouts(rows: readonly RolloutTokens[], padId: number, maxLength: number): PackedRollouts {
  const seq = bucketLength(Math.max(...rows.map((r) => r.queryIds.length + r.responseIds.length)), maxLength);
  const inputIds: number[] = [];
  const attentionMask: number[] = [];
  const targets = new Array<number>(rows.length * seq).fill(0);
  const mask = new Float32Array(rows.length * seq);
  const starts: number[] = [];
  rows.forEach((r, b) => {
    const ids = [...r.queryIds, ...r.responseIds];
    for (let t = 0; t < seq; t++) {
      inputIds.push(t < ids.length ? ids[t]! : padId);
      attentionMask.push(t < ids.length ? 1 : 0);
    }
    const start = b * seq + r.queryIds.length - 1;
    starts.push(start);
    r.responseIds.forEach((id, i) => {
      targets[start + i] = id;
      mask[start + i] = 1;
    });
  });
  return { batch: rows.length, seq, inputIds, attentionMask, targets, mask, starts, lengths: rows.map((r) => r.responseIds.length) };
}

/** Per-row response values laid out at the rows' response positions (0 elsewhere). */
export function scatterRows(packed: PackedRollouts, perRow: readonly ArrayLike<number>[]): Float32Array {
  const out = new Float32Array(packed.batch * packed.seq);
  perRow.forEach((values, b) => {
    for (let i = 0; i < packed.lengths[b]!; i++) out[packed.starts[b]! + i] = values[i]!;
  });
  return out;
}

/** The response positions of each row out of a flat [batch, seq] array. */
export function gatherRows(packed: PackedRollouts, flat: ArrayLike<number>): Float64Array[] {
  return packed.starts.map((start, b) => Float64Array.from({ length: packed.lengths[b]! }, (_, i) => flat[start + i]!));
}
