import { existsSync } from 'node:fs';
import type { BackendProbe } from '@okapi/core';
import { OnnxModelBuilder } from '../proto/model-builder';
import { installHint, listProviders } from './execution-providers';
import { loadOrt, type Ort } from './load-ort';

/** Providers worth trying as devices, by the Okapi device name they serve. */
const candidateDevices: readonly [device: string, provider: string][] = [
  ['cuda', 'cuda'], ['tensorrt', 'tensorrt'], ['dml', 'dml'], ['coreml', 'coreml'], ['webgpu', 'webgpu'],
];

/**
 * Whether onnxruntime-node loads here and which devices really start: a provider is listed by
 * onnxruntime even when its libraries or hardware are missing, so each one opens a one-node session.
 */
export async function probeOnnx(): Promise<BackendProbe> {
  let ort: Ort;
  try {
    ort = loadOrt();
  } catch (error) {
    return { available: false, reason: (error as Error).message, install: 'npm install onnxruntime-node' };
  }
  const listed = listProviders(ort).map((p) => p.name);
  const devices = ['cpu'];
  const unavailableDevices: Record<string, string> = {};
  for (const [device, provider] of candidateDevices) {
    if (!listed.includes(provider)) {
      unavailableDevices[device] = `onnxruntime-node on this platform has no ${provider} provider. ${installHint(device)}`;
    } else if (provider === 'webgpu' && !vulkanPresent()) {
      // without Vulkan, Dawn prints a native warning on every attempt; the answer is known anyway
      unavailableDevices[device] = `no Vulkan loader (libvulkan.so.1) on this machine. ${installHint(device)}`;
    } else if (await providerStarts(ort, provider)) {
      devices.push(device);
    } else {
      unavailableDevices[device] = `the ${provider} execution provider does not start here (libraries or hardware missing). ${installHint(device)}`;
    }
  }
  const detail = `onnxruntime-node ${ort.env.versions.node ?? '?'}; providers: ${listed.join(', ')}`;
  return { available: true, devices, detail, unavailableDevices };
}

/** On Linux WebGPU runs over Vulkan; elsewhere (Metal, D3D12) there is nothing to check up front. */
function vulkanPresent(): boolean {
  if (process.platform !== 'linux') return true;
  const dirs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib'];
  return dirs.some((dir) => existsSync(`${dir}/libvulkan.so.1`));
}

async function providerStarts(ort: Ort, provider: string): Promise<boolean> {
  const b = new OnnxModelBuilder('probe');
  b.addInput('x', 'float32', [1]);
  b.addOutput('y', b.op('Identity', ['x']), 'float32', [1]);
  try {
    const session = await ort.InferenceSession.create(b.encode(), { executionProviders: [provider], logSeverityLevel: 4 });
    await session.release();
    return true;
  } catch {
    return false;
  }
}
