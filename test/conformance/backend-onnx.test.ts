import onnxPlugin, { OnnxBackend, onnxCapabilities } from '@okapi/backend-onnx';
import { createTestScope, describeBackendConformance, type TestScope } from '@okapi/core/testing';

// Core's backend conformance suite on the onnx backend (CPU, 1 intra-op thread: tests share 2 cores).
// Fused kernels are on, as in normal runs; the opt-in RotaryEmbedding kernel is not.
const scopes: TestScope[] = [];
afterAll(async () => {
  await Promise.all(scopes.map((s) => s.dispose()));
});

describeBackendConformance('onnx', () => {
  const scope = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', device: 'cpu', threads: 1 } } });
  scopes.push(scope);
  return scope.scope.resolve(OnnxBackend);
}, { capabilities: onnxCapabilities });

// The same suite with every fused op lowered through its IR decomposition instead of a kernel.
describeBackendConformance('onnx (fused ops decomposed)', () => {
  const scope = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', device: 'cpu', threads: 1 } } });
  scopes.push(scope);
  return scope.scope.resolve(OnnxBackend);
}, { capabilities: onnxCapabilities, compile: { decompose: 'all' } });
