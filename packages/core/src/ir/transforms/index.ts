export * from './rewrite-graph';
export * from './bind-dims';
export * from './decompose-fused';
export * from './prune-graph';
export * from './simplify-graph';
