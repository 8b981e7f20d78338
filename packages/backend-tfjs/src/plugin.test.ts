import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createGraph, hostTensor, ops } from '@okapi/core';
import { createTestScope } from '@okapi/core/testing';
import { numbers, runOnce } from './__tests__/backend-under-test';
import type { KernelContext } from './kernels/tfjs-kernel';
import tfjsPlugin from './plugin';
import { TfjsBackend } from './tfjs-backend';
import { tfjsDescriptor } from './tfjs-descriptor';

describe('tfjs plugin', () => {
  it('has the package name and version', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
    expect(tfjsPlugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });

  it("contributes backend 'tfjs' below onnx's priority, and the tfjs config section", async () => {
    const t = createTestScope({ plugins: [tfjsPlugin], config: { tfjs: { engine: 'wasm' } } });
    expect(t.scope.contributions('backend').map((b) => [b.id, b.priority, b.useClass])).toEqual([['tfjs', 100, TfjsBackend]]);
    expect(t.scope.contributions('configSection').map((s) => s.key)).toEqual(['tfjs']);
    expect(t.scope.config.tfjs).toEqual({ engine: 'wasm' });
    await t.dispose();
  });

  it('rejects an unknown engine name in config', () => {
    expect(() => createTestScope({ plugins: [tfjsPlugin], config: { tfjs: { engine: 'webgpu' } } })).toThrow(/tfjs\.engine/);
  });

  it('runs a kernel contributed for backend tfjs instead of the built-in one', async () => {
    const doubledExp = { op: 'Exp', run: ({ tf, inputs: [x] }: KernelContext) => tf.mul(tf.exp(x), 2) };
    const withKernel = { meta: { name: 'test-kernels', version: '0.0.0' }, register: (r: Parameters<typeof tfjsPlugin.register>[0]) => r.kernel({ backend: 'tfjs', op: 'Exp', summary: 'test', implementation: doubledExp }) };
    const t = createTestScope({ plugins: [tfjsPlugin, withKernel], config: { backend: { name: 'tfjs', device: 'cpu' }, tfjs: { engine: 'cpu' } } });
    const backend = t.scope.resolve(tfjsDescriptor.useClass);
    await backend.init();
    const g = createGraph('exp');
    g.output('y', ops.exp(g.input('x', 'float32', [1])));
    const { y } = await runOnce(backend, g, { x: hostTensor('float32', [1], [0]) });
    expect(numbers(y)).toEqual([2]);
    await backend.dispose();
    await t.dispose();
  });
});
