export * from './stage-io';
export * from './sft-stage';
export * from './verifier-eval';
