export * from './token-encoder';
export * from './tokenize-instruction';
export * from './length-stats';
export * from './pack-sequences';
