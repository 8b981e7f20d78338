/** Graph input/output names used by the AdamW and accumulation graphs (trainers feed by these). */
export const adamWNames = {
  param: (name: string) => name,
  grad: (name: string) => `grad:${name}`,
  accumulator: (name: string) => `acc:${name}`,
  updatedAccumulator: (name: string) => `new:acc:${name}`,
  firstMoment: (name: string) => `m:${name}`,
  secondMoment: (name: string) => `v:${name}`,
  updatedParam: (name: string) => `new:${name}`,
  updatedFirstMoment: (name: string) => `new:m:${name}`,
  updatedSecondMoment: (name: string) => `new:v:${name}`,
  /** float32 [] learning rate for this step (schedules live in the trainer). */
  lr: 'lr',
  /** float32 [] 1-based step count t, for bias correction. */
  step: 'step',
  /** float32 [] factor applied to the gradients first (1 / accumulation steps). */
  gradScale: 'gradScale',
  /** Output: global gradient norm before clipping (after gradScale). */
  gradNorm: 'gradNorm',
} as const;
