export * from './model-family';
