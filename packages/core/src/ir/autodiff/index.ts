export * from './grad';
export * from './backprop';
export * from './sum-to-shape';
