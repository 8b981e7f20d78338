// Exports of core/src/models, one line per unit.
export * from './model-family';
export * from './model-architecture';
export * from './tokenizer-quirks';
export * from './parse-hf-config';
export * from './parameter-init';
export * from './load-weights';
export * from './family-registry';
export * from './register-model-families';
export * from './graph';
export * from './llama';
export * from './bloom';
export * from './runtime';
export * from './model-directory';
export * from './low-rank-update';
export { modelSource, mergePeftAdapter, type ModelSource, type PeftAdapter } from './peft/peft-adapter';
export { readPeftLoraConfig, type PeftLoraConfig } from './peft/peft-lora-config';
export * from './block-parameters';
