// Exports of core/src/checkpoint, one line per unit.
export * from './checkpoint-tensor';
export * from './float-codecs';
export * from './safetensors-dtype';
export * from './safetensors-header';
export * from './safetensors-file';
export * from './safetensors-writer';
export * from './shard-plan';
export * from './atomic-write';
export * from './json-file';
export * from './hf-config';
export * from './generation-config';
export * from './weight-files';
export * from './checkpoint-reader';
export * from './checkpoint-writer';
