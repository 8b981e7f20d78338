import { clamp, variance } from '../../util/math';

/** One token's quantities from the rollout (old) and the current forward pass (new). */
export interface PpoTokenBatch {
  readonly logprobs: ArrayLike<number>;
  readonly oldLogprobs: ArrayLike<number>;
  readonly advantages: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly oldValues: ArrayLike<number>;
  readonly returns: ArrayLike<number>;
}

export interface PpoLossStats {
  readonly loss: number;
  readonly policyLoss: number;
  readonly valueLoss: number;
  readonly policyClipFraction: number;
  readonly valueClipFraction: number;
  readonly approxKl: number;
}

/**
 * The clipped PPO objective exactly as TRL computes it (mean over tokens): the reference for the
 * graph-built loss and the source of the logged statistics.
 */
export function ppoLoss(b: PpoTokenBatch, o: { cliprange: number; cliprangeValue: number; vfCoef: number }): PpoLossStats {
  const n = b.logprobs.length;
  let pg = 0; let vf = 0; let pgClip = 0; let vfClip = 0; let kl = 0;
  for (let t = 0; t < n; t++) {
    const vClipped = clamp(b.values[t]!, b.oldValues[t]! - o.cliprangeValue, b.oldValues[t]! + o.cliprangeValue);
    const vf1 = (b.values[t]! - b.returns[t]!) ** 2;
    const vf2 = (vClipped - b.returns[t]!) ** 2;
    vf += Math.max(vf1, vf2);
    if (vf2 > vf1) vfClip++;
    const logRatio = b.logprobs[t]! - b.oldLogprobs[t]!;
    const ratio = Math.exp(logRatio);
    const pg1 = -b.advantages[t]! * ratio;
    const pg2 = -b.advantages[t]! * clamp(ratio, 1 - o.cliprange, 1 + o.cliprange);
    pg += Math.max(pg1, pg2);
    if (pg2 > pg1) pgClip++;
    kl += logRatio * logRatio;
  }
  const policyLoss = pg / n;
  const valueLoss = (0.5 * vf) / n;
  return {
    loss: policyLoss + o.vfCoef * valueLoss,
    policyLoss,
    valueLoss,
    policyClipFraction: pgClip / n,
    valueClipFraction: vfClip / n,
    approxKl: (0.5 * kl) / n,
  };
}

/** 1 − Var(returns − values) / Var(returns): how much of the return the value head explains. */
export function explainedVariance(values: ArrayLike<number>, returns: ArrayLike<number>): number {
  const residual = Array.from(returns, (r, i) => r - values[i]!);
  return 1 - variance(residual) / variance(returns);
}
