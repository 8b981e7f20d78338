export * from './demo-presets';
export * from './create-demo-base';
export * from './run-demo';
