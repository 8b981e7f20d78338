export * from './bloom-config';
export * from './bloom-parameters';
export * from './bloom-architecture';
export * from './bloom-tokenizer-quirks';
export * from './bloom-family';
