import { definePlugin, type BackendCapabilities } from '@okapi/core';
import { OnnxBackend } from './onnx-backend';
import { onnxConfigSection } from './onnx-options';
import { ONNX_DEVICES } from './ort/execution-providers';
import { probeOnnx } from './ort/probe-onnx';
import { onnxKernels } from './kernels/all-kernels';

export const onnxCapabilities: BackendCapabilities = {
  training: true,
  dtypes: ['float32', 'float64', 'float16', 'bfloat16', 'int32', 'int64', 'bool'],
  devices: ONNX_DEVICES,
};

/** @okapi/backend-onnx: the onnxruntime-node backend, its config section and its fused kernels. */
export default definePlugin({
  meta: { name: '@okapi/backend-onnx', version: '0.1.0' },
  register(r) {
    r.backend({
      id: 'onnx',
      summary: 'onnxruntime-node: ONNX models compiled from the IR; CPU, or CUDA/other execution providers',
      priority: 200,
      capabilities: onnxCapabilities,
      probe: probeOnnx,
      useClass: OnnxBackend,
    });
    r.configSection(onnxConfigSection);
    for (const kernel of onnxKernels) r.kernel(kernel);
  },
});
