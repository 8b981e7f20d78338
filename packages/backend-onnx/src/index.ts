// Public API of @okapi/backend-onnx. The default export is the plugin.
export { default } from './plugin';
export { onnxCapabilities } from './plugin';
export * from './onnx-backend';
export * from './onnx-session';
export * from './onnx-device-tensor';
export * from './onnx-options';
export * from './lowering/onnx-lowering';
export * from './proto/model-builder';
export * from './proto/onnx-attribute';
export * from './export/export-onnx';
export { onnxKernels } from './kernels/all-kernels';
export * from './onnx-compile-options';
export * from './export/exported-decoder';
