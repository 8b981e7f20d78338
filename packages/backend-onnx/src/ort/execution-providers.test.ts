import { BackendUnavailableError } from '@okapi/core';
import { createTestScope } from '@okapi/core/testing';
import { OnnxBackend } from '../onnx-backend';
import onnxPlugin from '../plugin';
import { defaultOnnxOptions } from '../onnx-options';
import { OnnxModelBuilder } from '../proto/model-builder';
import { createOrtSession } from './create-session';
import { executionProvidersFor, listProviders } from './execution-providers';
import { loadOrt } from './load-ort';
import { probeOnnx } from './probe-onnx';

describe('execution providers', () => {
  const ort = loadOrt();
  const providers = listProviders(ort);

  it('runs on CPU alone by default and keeps CPU as the fallback behind a GPU provider', () => {
    expect(executionProvidersFor('cpu', providers)).toEqual(['cpu']);
    expect(executionProvidersFor('cuda', [{ name: 'cpu', bundled: true }, { name: 'cuda', bundled: false }])).toEqual(['cuda', 'cpu']);
  });

  it('rejects an unknown device with the providers onnxruntime offers', () => {
    const attempt = () => executionProvidersFor('tpu', providers);
    expect(attempt).toThrow(BackendUnavailableError);
    expect(attempt).toThrow(/no device 'tpu'.*offers: cpu/);
  });

  it('explains how to install the CUDA provider when it cannot start here', async () => {
    const probe = await probeOnnx();
    expect(probe.available).toBe(true);
    if (probe.available && probe.devices.includes('cuda')) return; // a CUDA machine: nothing to explain
    const b = new OnnxModelBuilder();
    b.addInput('x', 'float32', [1]);
    b.addOutput('y', b.op('Relu', ['x']), 'float32');
    const error = await createOrtSession(ort, b.encode(), { device: 'cuda', options: defaultOnnxOptions }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as BackendUnavailableError).message).toMatch(/'cuda' execution provider/);
    expect((error as BackendUnavailableError).hint).toMatch(/ONNXRUNTIME_NODE_INSTALL=cuda12/);
    expect((error as BackendUnavailableError).hint).toMatch(/cpu/);
  });

  it('a backend on an unusable device fails at init with the install hint', async () => {
    const probe = await probeOnnx();
    if (probe.available && probe.devices.includes('cuda')) return;
    const scope = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', device: 'cuda' } } });
    const backend = scope.scope.resolve(OnnxBackend);
    await expect(backend.init()).rejects.toThrow(BackendUnavailableError);
    await expect(backend.init()).rejects.toThrow(/'cuda' execution provider/);
    await scope.dispose();
  });

  it('probe lists cpu and only devices whose provider really starts', async () => {
    const probe = await probeOnnx();
    expect(probe).toMatchObject({ available: true });
    if (!probe.available) return;
    expect(probe.devices[0]).toBe('cpu');
    if (!probe.devices.includes('cuda')) expect(probe.unavailableDevices?.cuda).toMatch(/ONNXRUNTIME_NODE_INSTALL=cuda12/);
  });
});
