export * from './raw-record';
export * from './read-raw-records';
export * from './sniff-container';
export * from './json-array-reader';
export * from './jsonl-reader';
