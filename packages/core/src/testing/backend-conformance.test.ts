import type { DeviceTensor, Session, TensorBackend } from '../backend/tensor-backend';
import { createGraph, hostTensor, ops, ReferenceBackend, type Graph } from '../ir';
import { opCases } from './backend-conformance-cases';
import { checkAgainstReference, checkForward } from './backend-conformance-checks';
import type { ConformanceContext } from './backend-conformance';
import { runOnBackend } from './backend-conformance-run';

/** A backend whose every float output is off by 1e-3 relative: the suite must notice. */
class SlightlyWrongBackend extends ReferenceBackend {
  override async compile(graph: Graph): Promise<Session> {
    const inner = await super.compile(graph);
    const upload = (t: Parameters<ReferenceBackend['upload']>[0]) => this.upload(t);
    const download = (t: DeviceTensor) => this.download(t);
    return {
      inputNames: inner.inputNames,
      outputNames: inner.outputNames,
      async run(feeds) {
        const out = await inner.run(feeds);
        for (const [name, t] of Object.entries(out)) {
          const host = await download(t);
          if (host.data instanceof Float32Array) {
            t.dispose();
            out[name] = upload(hostTensor('float32', host.shape, [...host.data].map((v) => v * 1.001 + 1e-3)));
          }
        }
        return out;
      },
      dispose: () => inner.dispose(),
    };
  }
}

const context = (backend: TensorBackend): ConformanceContext => ({
  backend: () => backend,
  options: {},
  forwardTol: { rtol: 1e-4, atol: 1e-5 },
  gradientTol: { rtol: 2e-3, atol: 2e-4 },
  test: () => undefined,
});

describe('backend conformance checks', () => {
  it('fail a backend with small numeric errors, on hand-computed and reference comparisons', async () => {
    const ctx = context(new SlightlyWrongBackend());
    const softmax = opCases.find((c) => c.name === 'Softmax');
    await expect(checkForward(ctx, softmax as (typeof opCases)[number])).rejects.toThrow(/got/);
    const g = createGraph('t');
    g.output('y', ops.exp(g.input('x', 'float32', [2])));
    await expect(checkAgainstReference(ctx, g, { x: hostTensor('float32', [2], [0, 1]) }, ctx.forwardTol)).rejects.toThrow(/got/);
  });

  it('pass the reference backend and leave no tensors behind', async () => {
    const backend = new ReferenceBackend();
    const softmax = opCases.find((c) => c.name === 'Softmax');
    await checkForward(context(backend), softmax as (typeof opCases)[number]);
    const g = createGraph('t');
    g.output('y', ops.neg(g.input('x', 'float32', [1])));
    await runOnBackend(backend, g, { x: hostTensor('float32', [1], [2]) });
    expect(backend.memory()).toEqual({ tensors: 0, bytes: 0 });
  });
});
