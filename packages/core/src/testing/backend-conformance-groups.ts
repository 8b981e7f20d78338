/// <reference types="jest" />
import { createGraph, hostTensor, ops, toFloat64 } from '../ir';
import type { ConformanceContext } from './backend-conformance';
import { blockFeeds, blockGraph, blockShape } from './backend-conformance-block';
import { checkAgainstReference } from './backend-conformance-checks';
import { attentionData, mlpData } from './backend-conformance-data';
import { fitOnBackend } from './backend-conformance-fit';
import { attentionBlockForward, mlpForward } from './backend-conformance-models';

/** A random LLaMA-style block with symbolic batch/seq, forward and gradients vs the reference. */
export function defineBlockTests(ctx: ConformanceContext, training: boolean): void {
  ctx.test('block/forward', async () => {
    const graph = blockGraph(false);
    await checkAgainstReference(ctx, graph, blockFeeds(graph), ctx.forwardTol);
  }, 30_000);
  ctx.test('block/gradient', async () => {
    const graph = blockGraph(true);
    await checkAgainstReference(ctx, graph, blockFeeds(graph), ctx.gradientTol);
  }, 30_000, training ? undefined : 'capabilities.training is false');
}

/** Device tensors survive runs (feeds are not consumed) and outputs can be fed back as inputs. */
export function defineResidencyTests(ctx: ConformanceContext): void {
  ctx.test('residency/weights stay resident across runs', async () => {
    const backend = ctx.backend();
    const g = createGraph('resident');
    g.output('y', ops.matmul(g.input('x', 'float32', ['rows', 2]), g.input('w', 'float32', [2, 2])));
    const session = await backend.compile(g, { dims: { rows: 1 } });
    const w = backend.upload(hostTensor('float32', [2, 2], [1, 2, 3, 4]));
    for (const [x0, x1, expected] of [[1, 0, [1, 2]], [0, 1, [3, 4]], [1, 1, [4, 6]]] as const) {
      const x = backend.upload(hostTensor('float32', [1, 2], [x0, x1]));
      const { y } = await session.run({ x, w });
      expect([...toFloat64(await backend.download(y))]).toEqual(expected);
      x.dispose();
      y.dispose();
    }
    expect([...toFloat64(await backend.download(w))]).toEqual([1, 2, 3, 4]);
    w.dispose();
    expect(w.disposed).toBe(true);
    await session.dispose();
  });

  ctx.test('residency/outputs feed the next run', async () => {
    const backend = ctx.backend();
    const g = createGraph('chain');
    g.output('next', ops.add(g.input('state', 'float32', [3]), 1));
    const session = await backend.compile(g);
    let state = backend.upload(hostTensor('float32', [3], [0, 10, 20]));
    for (let i = 0; i < 3; i++) {
      const { next } = await session.run({ state });
      state.dispose();
      state = next;
    }
    expect([...toFloat64(await backend.download(state))]).toEqual([3, 13, 23]);
    state.dispose();
    await session.dispose();
  });
}

/** Outputs are new tensors the caller owns (even when an output is a graph input); `outputs` selects. */
export function defineOutputContractTests(ctx: ConformanceContext): void {
  ctx.test('session/an input returned as an output is a separate tensor', async () => {
    const backend = ctx.backend();
    const g = createGraph('passthrough');
    const x = g.input('x', 'float32', [2]);
    g.output('same', x);
    g.output('double', ops.mul(x, 2));
    const session = await backend.compile(g);
    const input = backend.upload(hostTensor('float32', [2], [1, -1]));
    const out = await session.run({ x: input });
    out.same.dispose();
    expect(input.disposed).toBe(false);
    expect([...toFloat64(await backend.download(input))]).toEqual([1, -1]);
    expect([...toFloat64(await backend.download(out.double))]).toEqual([2, -2]);
    out.double.dispose();
    input.dispose();
    await session.dispose();
  });

  ctx.test('session/run computes only the requested outputs', async () => {
    const backend = ctx.backend();
    const g = createGraph('select');
    const x = g.input('x', 'float32', [1]);
    g.output('a', ops.add(x, 1));
    g.output('b', ops.sub(x, 1));
    const session = await backend.compile(g);
    expect([...session.inputNames]).toEqual(['x']);
    expect([...session.outputNames]).toEqual(['a', 'b']);
    const input = backend.upload(hostTensor('float32', [1], [5]));
    const out = await session.run({ x: input }, { outputs: ['b'] });
    expect(Object.keys(out)).toEqual(['b']);
    expect([...toFloat64(await backend.download(out.b))]).toEqual([4]);
    out.b.dispose();
    input.dispose();
    await session.dispose();
  });
}

/** AdamW fits with params and moments resident on the device (thresholds as in core's own tests). */
export function defineFitTests(ctx: ConformanceContext, training: boolean): void {
  const noTraining = training ? undefined : 'capabilities.training is false';
  ctx.test('fit/mlp', async () => {
    const losses = await fitOnBackend(ctx.backend(), mlpForward({ inputs: 4, hidden: 16, outputs: 1 }), mlpData(64), { steps: 300, lr: 0.02, dims: { batch: 64 } });
    expect(losses[0]).toBeGreaterThan(0.2);
    expect(losses.at(-1)).toBeLessThan(0.02);
  }, 60_000, noTraining);
  ctx.test('fit/attention', async () => {
    const shape = { ...blockShape, hidden: 8 };
    const losses = await fitOnBackend(ctx.backend(), attentionBlockForward(shape), attentionData(2, 6, 8), { steps: 150, lr: 0.01, dims: { batch: 2, seq: 6 } });
    expect(losses.at(-1)).toBeLessThan(0.1 * losses[0]);
    expect(losses.at(-1)).toBeLessThan(0.005);
  }, 60_000, noTraining);
}
