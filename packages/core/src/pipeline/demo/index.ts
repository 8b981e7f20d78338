export * from './demo-presets';
export * from './create-demo-base';
export * from './run-demo';
export * from './demo-options';
export * from './demo-stages';
