/**
 * Learning-rate multipliers per optimizer step, with Hugging Face `get_*_schedule_with_warmup`
 * semantics: linear warm-up from 0 over `warmupSteps`, then the decay shape until `totalSteps`.
 */
export type LrScheduleKind = 'cosine' | 'linear' | 'constant';

export interface LrScheduleOptions {
  readonly kind: LrScheduleKind;
  readonly warmupSteps: number;
  readonly totalSteps: number;
}

/** The multiplier of the base learning rate at optimizer step `step` (0-based). */
export function lrMultiplier(step: number, o: LrScheduleOptions): number {
  if (step < o.warmupSteps) return step / Math.max(1, o.warmupSteps);
  if (o.kind === 'constant') return 1;
  const progress = (step - o.warmupSteps) / Math.max(1, o.totalSteps - o.warmupSteps);
  if (o.kind === 'linear') return Math.max(0, 1 - progress);
  return Math.max(0, 0.5 * (1 + Math.cos(Math.PI * progress)));
}
