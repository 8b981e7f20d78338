export * from './dataset-adapter';
