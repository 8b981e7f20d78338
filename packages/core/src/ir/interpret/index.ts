export * from './ref-tensor';
export * from './kernel';
export * from './all-kernels';
export * from './reference-program';
export * from './reference-backend';
