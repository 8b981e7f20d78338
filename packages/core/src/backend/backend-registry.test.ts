import { injectable } from 'tsyringe';
import { UnknownContributionError } from '../errors/unknown-contribution-error';
import type { BackendDescriptor, BackendProbe } from './backend-descriptor';
import { BackendUnavailableError } from './backend-errors';
import { BackendRegistry } from './backend-registry';
import type { TensorBackend } from './tensor-backend';

@injectable()
class NullBackend implements TensorBackend {
  readonly id = 'null';
  readonly device = 'cpu';
  async init(): Promise<void> {}
  memory() { return { tensors: 0, bytes: 0 }; }
  async dispose(): Promise<void> {}
}

const backend = (id: string, priority: number, probe: BackendProbe): BackendDescriptor => ({
  id, priority, summary: id, useClass: NullBackend,
  capabilities: { training: true, dtypes: ['float32'], devices: ['cpu', 'cuda'] },
  probe: async () => probe,
});

describe(BackendRegistry.name, () => {
  const fast = backend('fast', 200, { available: false, reason: 'native binding missing', install: 'npm i fast-native' });
  const slow = backend('slow', 100, { available: true, devices: ['cpu'] });
  const gpu = backend('gpu', 50, { available: true, devices: ['cpu', 'cuda'] });
  const cpuOnly = backend('cpu-only', 10, { available: true, devices: ['cpu'], unavailableDevices: { cuda: 'CUDA EP not installed; npm i cuda-ep' } });

  it('auto picks the highest priority backend that works, falling back past unavailable ones', async () => {
    const sut = new BackendRegistry([gpu, slow, fast]);
    expect(sut.list().map((b) => b.id)).toEqual(['fast', 'slow', 'gpu']);
    await expect(sut.select({ name: 'auto', device: 'cpu' })).resolves.toEqual({ descriptor: slow, device: 'cpu' });
    await expect(sut.select({ name: 'auto', device: 'cuda' })).resolves.toEqual({ descriptor: gpu, device: 'cuda' });
  });

  it('reports every failure together, with install hints and what is available', async () => {
    const sut = new BackendRegistry([fast, slow]);
    const failure = sut.select({ name: 'auto', device: 'cuda' });
    await expect(failure).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(failure).rejects.toThrow(/fast: native binding missing \(install: npm i fast-native\)\n {2}- slow: no device 'cuda' here \(found: cpu\)/);
    await expect(failure).rejects.toMatchObject({ hint: expect.stringContaining('Available here: slow (cpu).') });
  });

  it('says why a supported device is missing and how to get it', async () => {
    const sut = new BackendRegistry([cpuOnly]);
    await expect(sut.select({ name: 'cpu-only', device: 'cuda' })).rejects.toThrow("cpu-only: no device 'cuda' here (found: cpu): CUDA EP not installed; npm i cuda-ep");
  });

  it('names an explicit backend that is unknown, with a did-you-mean', async () => {
    const sut = new BackendRegistry([fast, slow]);
    await expect(sut.select({ name: 'slwo', device: 'cpu' })).rejects.toBeInstanceOf(UnknownContributionError);
    await expect(sut.select({ name: 'slwo', device: 'cpu' })).rejects.toThrow("Unknown backend 'slwo'. Did you mean 'slow'?");
  });

  it('turns a throwing probe into an unavailable backend and probes each backend once', async () => {
    let calls = 0;
    const flaky: BackendDescriptor = { ...slow, id: 'flaky', probe: async () => { calls++; throw new Error('boom'); } };
    const sut = new BackendRegistry([flaky]);
    await expect(sut.probeAll()).resolves.toEqual([{ descriptor: flaky, probe: { available: false, reason: 'probe failed: boom' } }]);
    await sut.probeAll();
    expect(calls).toBe(1);
  });
});
