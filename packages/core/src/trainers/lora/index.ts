export * from './lora-options';
export * from './lora-targets';
export * from './lora-plan';
export * from './lora-init';
export * from './lora-merge';
export * from './lora-graph';
export * from './lora-dropout';
export * from './lora-files';
