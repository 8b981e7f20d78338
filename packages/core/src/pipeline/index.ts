export * from './stage-io';
export * from './sft-stage';
export * from './verifier-eval';
export * from './demo';
export * from './rm-stage';
export * from './dpo-stage';
export * from './ppo-stage';
