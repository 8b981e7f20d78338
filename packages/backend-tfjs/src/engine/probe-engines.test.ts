import { BackendUnavailableError } from '@okapi/core';
import { chooseEngine } from './choose-engine';
import type { EngineEnvironment } from './engine-environment';
import { describeEngines, devicesOf, probeEngines } from './probe-engines';

const notFound = (name: string) => Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });

/** A machine where `installed` packages load, `broken` ones throw on load, and everything else is absent. */
function fakeMachine(installed: readonly string[], options: { broken?: Record<string, string>; wasmBinary?: boolean } = {}): EngineEnvironment {
  return {
    load(name) {
      const failure = options.broken?.[name];
      if (failure !== undefined) throw new Error(failure);
      if (!installed.includes(name)) throw notFound(name);
      return { name, setWasmPaths: () => undefined };
    },
    resolve: (request) => `/nm/${request}/dist/index.js`,
    exists: (path) => options.wasmBinary !== false && path.endsWith('tfjs-backend-wasm.wasm'),
  };
}

const pureJs = ['@tensorflow/tfjs-backend-cpu'];
const withWasm = [...pureJs, '@tensorflow/tfjs-backend-wasm'];

describe(probeEngines.name, () => {
  it('says why tfjs-node is not used when only the bundled engines are installed, with the install command', () => {
    const reports = probeEngines(fakeMachine(withWasm));
    const node = reports.find((r) => r.spec.name === 'tensorflow');
    expect(node).toMatchObject({ available: false, reason: expect.stringContaining('@tensorflow/tfjs-node not installed: npm install @tensorflow/tfjs-node') });
    expect(devicesOf(reports)).toEqual(['wasm', 'cpu']);
    expect(describeEngines(reports)).toMatch(/tensorflow-gpu: @tensorflow\/tfjs-node-gpu not installed: npm install @tensorflow\/tfjs-node-gpu/);
  });

  it('reports a native binding that fails to load as broken, not as missing', () => {
    const reports = probeEngines(fakeMachine(withWasm, { broken: { '@tensorflow/tfjs-node': 'libtensorflow.so.2: cannot open shared object file' } }));
    expect(reports.find((r) => r.spec.name === 'tensorflow')).toMatchObject({
      available: false,
      reason: expect.stringMatching(/^@tensorflow\/tfjs-node failed to load \(libtensorflow\.so\.2: cannot open shared object file\)/),
    });
  });

  it('treats wasm without its .wasm binary as unavailable', () => {
    const reports = probeEngines(fakeMachine(withWasm, { wasmBinary: false }));
    expect(reports.find((r) => r.spec.name === 'wasm')).toMatchObject({ available: false, reason: expect.stringContaining('tfjs-backend-wasm.wasm is missing') });
    expect(devicesOf(reports)).toEqual(['cpu']);
  });

  it('finds the wasm binaries next to the package entry point', () => {
    const wasm = probeEngines(fakeMachine(withWasm)).find((r) => r.spec.name === 'wasm');
    expect(wasm).toMatchObject({ available: true, wasmDir: expect.stringMatching(/\/nm\/@tensorflow\/tfjs-backend-wasm\/dist\/$/) });
  });
});

describe(chooseEngine.name, () => {
  it('prefers tfjs-node, then wasm, then pure JS for device cpu', () => {
    const all = ['@tensorflow/tfjs-node', ...withWasm];
    expect(chooseEngine(probeEngines(fakeMachine(all)), 'cpu', 'auto').spec.name).toBe('tensorflow');
    expect(chooseEngine(probeEngines(fakeMachine(withWasm)), 'cpu', 'auto').spec.name).toBe('wasm');
    expect(chooseEngine(probeEngines(fakeMachine(pureJs)), 'cpu', 'auto').spec.name).toBe('cpu');
  });

  it('runs cuda on tfjs-node-gpu only, and explains how to get it', () => {
    const gpu = probeEngines(fakeMachine(['@tensorflow/tfjs-node-gpu', ...pureJs]));
    expect(chooseEngine(gpu, 'cuda', 'auto').spec.name).toBe('tensorflow-gpu');
    const failure = () => chooseEngine(probeEngines(fakeMachine(withWasm)), 'cuda', 'auto');
    expect(failure).toThrow(BackendUnavailableError);
    expect(failure).toThrow("No tfjs engine for device 'cuda' loads here (tried tensorflow-gpu)");
    try {
      failure();
    } catch (error) {
      expect((error as BackendUnavailableError).hint).toContain('npm install @tensorflow/tfjs-node-gpu');
    }
  });

  it('honours a pinned engine and rejects one that cannot serve the device', () => {
    const reports = probeEngines(fakeMachine(withWasm));
    expect(chooseEngine(reports, 'cpu', 'cpu').spec.name).toBe('cpu');
    expect(() => chooseEngine(reports, 'wasm', 'cpu')).toThrow("tfjs engine 'cpu' cannot run device 'wasm'");
    expect(() => chooseEngine(reports, 'tpu', 'auto')).toThrow("The tfjs backend has no device 'tpu'");
  });
});
