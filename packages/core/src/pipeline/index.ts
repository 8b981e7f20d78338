export * from './stage-io';
export * from './sft-stage';
