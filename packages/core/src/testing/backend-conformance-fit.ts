import type { DeviceTensor, TensorBackend } from '../backend/tensor-backend';
import { createGraph, hostTensor, numel, seededRandom, uniformValues, type HostTensor } from '../ir';
import { adamWNames as names } from '../optim/adamw-names';
import type { AdamWOptions } from '../optim/adamw-options';
import { buildTrainStepGraph, type ForwardFn } from '../optim/training-graph';

export interface FitOptions {
  readonly steps: number;
  readonly lr: number;
  readonly adamW?: AdamWOptions;
  readonly seed?: number;
  readonly dims?: Readonly<Record<string, number>>;
}

/** Norm weights start at 1, biases at 0, matrices uniform in ±1/sqrt(fan_in) (PyTorch Linear's bound). */
export function initialParams(forward: ForwardFn, seed: number, dims: Readonly<Record<string, number>> = {}): Record<string, HostTensor> {
  const random = seededRandom(seed);
  const probe = createGraph('probe');
  const { params } = forward(probe);
  return Object.fromEntries(params.map(({ name, value }) => {
    const shape = value.shape.map((d) => (typeof d === 'number' ? d : dims[d]));
    const n = numel(shape);
    const bound = 1 / Math.sqrt(shape[0]);
    const values = name.endsWith('norm.weight') ? new Array<number>(n).fill(1) : name.endsWith('bias') ? new Array<number>(n).fill(0) : uniformValues(random, n, -bound, bound);
    return [name, hostTensor('float32', shape, values)];
  }));
}

const scalarF32 = (x: number) => hostTensor('float32', [], [x]);

/**
 * Trains with the one-graph train step on a backend, keeping params and moments resident (the new:*
 * outputs of step t are the inputs of step t+1). Returns the loss of every step.
 */
export async function fitOnBackend(backend: TensorBackend, forward: ForwardFn, data: Readonly<Record<string, HostTensor>>, o: FitOptions): Promise<number[]> {
  const graph = buildTrainStepGraph(forward, o.adamW);
  const session = await backend.compile(graph, { dims: o.dims, name: 'fit' });
  const params = initialParams(forward, o.seed ?? 1, o.dims);
  const state: Record<string, DeviceTensor> = {};
  for (const [name, t] of Object.entries(params)) {
    state[names.param(name)] = backend.upload(t);
    state[names.firstMoment(name)] = backend.upload(hostTensor('float32', t.shape, new Float32Array(t.data.length)));
    state[names.secondMoment(name)] = backend.upload(hostTensor('float32', t.shape, new Float32Array(t.data.length)));
  }
  const fixed: Record<string, DeviceTensor> = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, backend.upload(v)]));
  fixed[names.lr] = backend.upload(scalarF32(o.lr));
  fixed[names.gradScale] = backend.upload(scalarF32(1));
  const losses: number[] = [];
  try {
    for (let step = 1; step <= o.steps; step++) {
      const stepTensor = backend.upload(scalarF32(step));
      const out = await session.run({ ...fixed, ...state, [names.step]: stepTensor });
      stepTensor.dispose();
      losses.push(Number((await backend.download(out.loss)).data[0]));
      out.loss.dispose();
      out[names.gradNorm].dispose();
      for (const name of Object.keys(params)) {
        for (const [input, output] of [[names.param(name), names.updatedParam(name)], [names.firstMoment(name), names.updatedFirstMoment(name)], [names.secondMoment(name), names.updatedSecondMoment(name)]]) {
          state[input].dispose();
          state[input] = out[output];
        }
      }
    }
  } finally {
    for (const t of [...Object.values(state), ...Object.values(fixed)]) t.dispose();
    await session.dispose();
  }
  return losses;
}
