// The backends the model tests run on, created the way the CLI creates them (plugin + validated config).
import { ReferenceBackend, type TensorBackend } from '@okapi/core';
import { createTestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import tfjsPlugin, { tfjsDescriptor } from '@okapi/backend-tfjs';

export interface TestBackend {
  readonly backend: TensorBackend;
  dispose(): Promise<void>;
}

export type TestBackendName = 'onnx' | 'tfjs-wasm' | 'reference';

export async function createTestBackend(name: TestBackendName): Promise<TestBackend> {
  if (name === 'reference') {
    const backend = new ReferenceBackend();
    return { backend, dispose: () => backend.dispose() };
  }
  const t = name === 'onnx'
    ? createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } })
    : createTestScope({ plugins: [tfjsPlugin], config: { backend: { name: 'tfjs', device: 'wasm' }, tfjs: { engine: 'wasm' } } });
  const backend = (name === 'onnx' ? t.scope.resolve(OnnxBackend) : t.scope.resolve(tfjsDescriptor.useClass)) as TensorBackend;
  await backend.init();
  return { backend, dispose: async () => { await backend.dispose(); await t.dispose(); } };
}
