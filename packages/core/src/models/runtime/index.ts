export * from './resident-weights';
export * from './length-buckets';
export * from './kv-cache-state';
export * from './causal-lm-runner';
export * from './growing-past-state';
export * from './growing-past-runner';
export * from './generation-runners';
