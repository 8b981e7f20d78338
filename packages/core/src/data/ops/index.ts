export * from './convert-dataset';
export * from './split-dataset';
export * from './sample-dataset';
export * from './dataset-stats';
