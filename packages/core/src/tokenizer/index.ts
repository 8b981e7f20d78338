// Exports of core/src/tokenizer, one line per unit.
export * from './tokenizer';
export * from './tokenizer-settings';
export * from './pad-batch';
export * from './chat-template';
export * from './clean-up-spaces';
export * from './special-token-resolution';
export * from './hf-tokenizer';
export * from './sentencepiece-model';
export * from './sentencepiece-merges';
export * from './sentencepiece-to-tokenizer-json';
export * from './load-tokenizer';
export * from './train-bpe-merges';
export * from './train-bpe-tokenizer';
export * from './incremental-decoder';
export * from './vocab-fit';
export * from './template-post-processor';
