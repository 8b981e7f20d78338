export * from './alpaca-adapter';
export * from './builtin-adapters';
export * from './jsonl-adapter';
export * from './okapi-alpaca-adapter';
export * from './okapi-ranking-adapter';
export * from './okapi-rl-adapter';
export * from './ranked-adapter';
export * from './sharegpt-pairs-adapter';
