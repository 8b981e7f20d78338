import { createTestScope, type TestScope } from '@okapi/core/testing';
import { OnnxBackend } from '../onnx-backend';
import onnxPlugin from '../plugin';

/** Per test: an initialised one-thread OnnxBackend in a fresh run scope, disposed afterwards. */
export function useOnnxBackend(): { readonly sut: OnnxBackend } {
  let t: TestScope | undefined;
  let backend: OnnxBackend | undefined;
  beforeEach(async () => {
    t = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } });
    backend = t.scope.resolve(OnnxBackend);
    await backend.init();
  });
  afterEach(async () => {
    await backend?.dispose();
    await t?.dispose();
  });
  return {
    get sut() {
      if (backend === undefined) throw new Error('useOnnxBackend: the backend exists only inside tests');
      return backend;
    },
  };
}
