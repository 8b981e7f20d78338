import tfjsPlugin, { tfjsDescriptor, type TfjsBackend } from '@okapi/backend-tfjs';
import type { TensorBackend } from '@okapi/core';
import { createTestScope, describeBackendConformance, type TestScope } from '@okapi/core/testing';

const scopes: TestScope[] = [];
afterAll(async () => {
  for (const s of scopes) await s.dispose();
});

/** The backend as the CLI resolves it (plugin registered, config validated), pinned to one tfjs engine. */
function tfjsOn(engine: 'cpu' | 'wasm'): () => TensorBackend {
  return () => {
    const scope = createTestScope({
      plugins: [tfjsPlugin],
      config: { backend: { name: 'tfjs', device: engine === 'wasm' ? 'wasm' : 'cpu' }, tfjs: { engine } },
    });
    scopes.push(scope);
    return scope.scope.resolve(tfjsDescriptor.useClass) as TfjsBackend;
  };
}

const noFloat64 = 'tfjs has no float64 tensors (not in capabilities.dtypes); compile refuses the graph with that message';
const options = {
  capabilities: tfjsDescriptor.capabilities,
  skip: { 'forward/Cast float32->float64': noFloat64, 'gradient/Cast float32->float64': noFloat64 },
};

describeBackendConformance('tfjs (pure-JS cpu engine)', tfjsOn('cpu'), options);
describeBackendConformance('tfjs (wasm engine)', tfjsOn('wasm'), options);
