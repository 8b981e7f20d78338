// Exports of core/src/generation, one line per unit.
export * from './softmax';
export * from './temperature';
export * from './top-k';
export * from './top-p';
export * from './repetition-penalty';
export * from './greedy';
export * from './sample';
export * from './sampling-options';
export * from './next-token';
export * from './stop-criteria';
export * from './generate-model';
export * from './generate-padding';
export * from './generate-stream';
export * from './generate';
export * from './sampling-from-config';
