import type { EngineEnvironment } from './engine/engine-environment';
import { nodeEnvironment } from './engine/engine-environment';
import { probeTfjs } from './probe-tfjs';

const nothing: EngineEnvironment = {
  load: (name) => { throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' }); },
  resolve: () => { throw new Error('not found'); },
  exists: () => false,
};

describe(probeTfjs.name, () => {
  it('on this machine: the bundled engines load, and tfjs-node is either found or comes with its install command', () => {
    const probe = probeTfjs(nodeEnvironment);
    expect(probe).toMatchObject({ available: true, devices: expect.arrayContaining(['wasm', 'cpu']) });
    const detail = probe.available ? probe.detail : '';
    expect(detail).toMatch(/wasm -> wasm/);
    expect(detail).toMatch(/tensorflow: (available|@tensorflow\/tfjs-node not installed: npm install @tensorflow\/tfjs-node)/);
  });

  it('says for each missing device why its engines did not load and how to install them', () => {
    const probe = probeTfjs(nodeEnvironment);
    const missing = probe.available ? probe.unavailableDevices ?? {} : {};
    if (probe.available && !probe.devices.includes('cuda')) {
      expect(missing.cuda).toMatch(/^@tensorflow\/tfjs-node-gpu (not installed: npm install @tensorflow\/tfjs-node-gpu|failed to load)/);
    }
    expect(Object.keys(missing).filter((d) => probe.available && probe.devices.includes(d))).toEqual([]);
  });

  it('is unavailable with every reason when no engine loads', () => {
    expect(probeTfjs(nothing)).toMatchObject({ available: false, reason: expect.stringMatching(/^no tfjs engine loads: tensorflow-gpu: .*; cpu: @tensorflow\/tfjs-backend-cpu not installed/) });
  });
});
