export * from './adamw-options';
export * from './adamw-names';
export * from './global-norm-clip';
export * from './adamw-step';
export * from './training-graph';
