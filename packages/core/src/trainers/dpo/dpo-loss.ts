import { logSigmoid } from '../../util/math';

/** Sequence log-probabilities of one preference pair under the policy and the frozen reference. */
export interface DpoPairLogps {
  readonly policyChosen: number;
  readonly policyRejected: number;
  readonly referenceChosen: number;
  readonly referenceRejected: number;
}

export interface DpoLossResult {
  readonly loss: number;
  /** Implicit rewards β·(log π − log π_ref) of each response. */
  readonly chosenReward: number;
  readonly rejectedReward: number;
}

/**
 * DPO (Rafailov et al., 2023), sigmoid loss with optional label smoothing (cDPO):
 * −(1−ε)·log σ(β·h) − ε·log σ(−β·h), with h = (π_c − π_r) − (ref_c − ref_r).
 */
export function dpoLoss(p: DpoPairLogps, beta: number, labelSmoothing = 0): DpoLossResult {
  const h = (p.policyChosen - p.policyRejected) - (p.referenceChosen - p.referenceRejected);
  return {
    loss: -(1 - labelSmoothing) * logSigmoid(beta * h) - labelSmoothing * logSigmoid(-beta * h),
    chosenReward: beta * (p.policyChosen - p.referenceChosen),
    rejectedReward: beta * (p.policyRejected - p.referenceRejected),
  };
}
