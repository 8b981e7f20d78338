import type { BackendDescriptor } from '@okapi/core';
import { nodeEnvironment, type EngineEnvironment } from './engine/engine-environment';
import { probeTfjs } from './probe-tfjs';
import { tfjsDTypes } from './tensor/dtype-map';
import { tfjsBackendId } from './tensor/tfjs-device-tensor';
import { TfjsBackend } from './tfjs-backend';

/** The backend contribution; `env` is injectable so tests can fake which tfjs packages exist. */
export function createTfjsDescriptor(env: EngineEnvironment = nodeEnvironment): BackendDescriptor {
  return {
    id: tfjsBackendId,
    summary: 'TensorFlow.js: tfjs-node-gpu (cuda) or tfjs-node when installed, else wasm, else pure JS',
    priority: 100,
    capabilities: { training: true, dtypes: tfjsDTypes, devices: ['cpu', 'wasm', 'cuda'] },
    probe: async () => probeTfjs(env),
    useClass: TfjsBackend,
  };
}
export const tfjsDescriptor = createTfjsDescriptor();
