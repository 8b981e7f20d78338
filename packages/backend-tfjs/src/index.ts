// Public API of @okapi/backend-tfjs.
export { default, default as tfjsPlugin } from './plugin';
export * from './tfjs-backend';
export * from './tfjs-descriptor';
export * from './tfjs-options';
export * from './probe-tfjs';
export type { TfjsKernel, KernelContext } from './kernels/tfjs-kernel';
export type { EngineName, EngineSpec } from './engine/engine-spec';
export type { EngineEnvironment } from './engine/engine-environment';
export type { ModuleLoader, ModuleResolver } from './engine/module-loader';
