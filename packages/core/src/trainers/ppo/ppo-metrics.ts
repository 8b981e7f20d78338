import { mean } from '../../util/math';
import type { StepResult } from '../engine/step-runner';
import type { Advantages } from './ppo-advantages';
import { explainedVariance } from './ppo-loss';
import type { PpoSample, RolloutTimings } from './ppo-rollouts';

/**
 * What one PPO iteration logs: rewards, KL, entropy, the loss statistics averaged over its optimizer
 * steps, the value head's explained variance, response length and where the wall time went.
 */
export function iterationMetrics(
  samples: readonly PpoSample[], adv: Advantages, steps: readonly StepResult[], timings: RolloutTimings & { training: number }, klCoef: number,
): Record<string, number> {
  const stepMean = (pick: (r: StepResult) => number | undefined) => mean(steps.map((r) => pick(r) ?? NaN));
  const tokens = samples.reduce((n, s) => n + s.responseIds.length, 0);
  const entropy = samples.reduce((sum, s) => sum + s.entropy.reduce((a, b) => a + b, 0), 0) / tokens;
  const total = timings.generation + timings.scoring + timings.forward + timings.training;
  return {
    reward: mean(samples.map((s) => s.rawScore)),
    rewardClipped: mean(samples.map((s) => s.score)),
    nonScoreReward: mean(adv.nonScoreReward),
    kl: mean(adv.kl),
    klCoef,
    entropy,
    loss: stepMean((r) => r.loss),
    policyLoss: stepMean((r) => r.metrics.policyLoss),
    valueLoss: stepMean((r) => r.metrics.valueLoss),
    clipFraction: stepMean((r) => r.metrics.policyClipFraction),
    valueClipFraction: stepMean((r) => r.metrics.valueClipFraction),
    approxKl: stepMean((r) => r.metrics.approxKl),
    gradNorm: stepMean((r) => r.gradNorm),
    explainedVariance: explainedVariance(samples.flatMap((s) => [...s.values]), adv.returns.flatMap((r) => [...r])),
    responseLength: tokens / samples.length,
    timeGeneration: timings.generation,
    timeScoring: timings.scoring,
    timeForward: timings.forward,
    timeTraining: timings.training,
    generationShare: timings.generation / total,
  };
}
