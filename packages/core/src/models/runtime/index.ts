export * from './resident-weights';
export * from './length-buckets';
export * from './kv-cache-state';
export * from './causal-lm-runner';
