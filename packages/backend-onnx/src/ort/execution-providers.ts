import { BackendUnavailableError } from '@okapi/core';
import type { Ort } from './load-ort';

/** Okapi device name → onnxruntime execution provider name. */
const providerForDevice: Readonly<Record<string, string>> = {
  cpu: 'cpu',
  cuda: 'cuda',
  gpu: 'cuda',
  tensorrt: 'tensorrt',
  webgpu: 'webgpu',
  dml: 'dml',
  coreml: 'coreml',
};

/** Devices this backend can drive in principle (capabilities), whether or not they exist here. */
export const ONNX_DEVICES: readonly string[] = ['cpu', 'cuda', 'tensorrt', 'webgpu', 'dml', 'coreml'];

const installHints: Readonly<Record<string, string>> = {
  cuda: 'Install the CUDA execution provider binaries (CUDA 12 + cuDNN 9 on the machine), then reinstall with '
    + '`ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node` (or `npm install onnxruntime-node --onnxruntime-node-install=cuda12`).',
  tensorrt: 'Install TensorRT and the CUDA EP binaries: `ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node`.',
  webgpu: 'WebGPU needs a GPU with Vulkan (Linux), Metal (macOS) or D3D12 (Windows) drivers.',
  dml: 'DirectML is available on Windows only.',
  coreml: 'CoreML is available on macOS only.',
};

/** How to get a device working, for messages. */
export function installHint(device: string): string {
  return installHints[device] ?? "It needs the matching hardware and drivers; use device 'cpu' otherwise.";
}

export interface ProviderInfo {
  readonly name: string;
  /** Shipped inside the npm package (true) or a separate download that may be missing (false). */
  readonly bundled: boolean;
}

export function listProviders(ort: Ort): ProviderInfo[] {
  return ort.listSupportedBackends().map((b) => ({ name: b.name, bundled: b.bundled }));
}

/**
 * The execution-provider list for a device. CPU comes last as the fallback for ops a GPU provider
 * does not implement. Unknown devices are an error that names the devices that exist.
 */
export function executionProvidersFor(device: string, providers: readonly ProviderInfo[]): string[] {
  const provider = providerForDevice[device];
  const listed = providers.map((p) => p.name);
  if (provider === undefined || !listed.includes(provider)) {
    throw new BackendUnavailableError(
      `The onnx backend has no device '${device}' (onnxruntime-node here offers: ${listed.join(', ')}).`,
      `Use one of: ${listed.join(', ')}.${installHints[device] ? ` ${installHints[device]}` : ''}`,
    );
  }
  return provider === 'cpu' ? ['cpu'] : [provider, 'cpu'];
}

/** Turns onnxruntime's "failed to load shared library" into an actionable error for the device. */
export function providerLoadError(device: string, providers: readonly ProviderInfo[], cause: unknown): BackendUnavailableError {
  const listed = providers.map((p) => `${p.name}${p.bundled ? '' : ' (not bundled)'}`).join(', ');
  const error = new BackendUnavailableError(
    `onnxruntime could not start the '${device}' execution provider: ${(cause as Error).message.split('\n')[0]}`,
    `Execution providers known to onnxruntime-node: ${listed}. ${installHints[device] ?? "Use device 'cpu'."}`,
  );
  (error as { cause?: unknown }).cause = cause;
  return error;
}
