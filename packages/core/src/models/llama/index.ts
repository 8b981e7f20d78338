export * from './llama-config';
export * from './llama-rotary';
export * from './llama-rope-scaling';
export { dynamicNtkBase, yarnCorrectionRange } from './llama-rope-frequencies';
export * from './llama-parameters';
export * from './llama-architecture';
export * from './llama-tokenizer-quirks';
export * from './llama-family';
