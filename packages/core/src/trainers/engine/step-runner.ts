import type { DeviceTensor, Session, TensorBackend } from '../../backend/tensor-backend';
import type { Graph } from '../../ir/graph';
import { hostTensor } from '../../ir/host-tensor';
import { adamWNames as names } from '../../optim/adamw-names';
import type { AdamWOptions } from '../../optim/adamw-options';
import { buildAccumulateGraph, buildAdamWApplyGraph, buildTrainStepGraph, type ForwardFn } from '../../optim/training-graph';
import type { ParameterStore } from './parameter-store';

/** One micro-batch: device tensors for the forward's data inputs, and the dims of its shape bucket. */
export interface MicroBatch {
  readonly feeds: Readonly<Record<string, DeviceTensor>>;
  readonly dims: Readonly<Record<string, number>>;
}

export interface StepResult {
  /** Mean of the micro-batches' losses. */
  readonly loss: number;
  readonly gradNorm: number;
  /** Mean over the micro-batches of the forward's scalar `metric:<name>` outputs (e.g. PPO's clip fraction). */
  readonly metrics: Readonly<Record<string, number>>;
}

/** Prefix of scalar graph outputs a forward adds for logging; StepRunner reports their means. */
export const METRIC_OUTPUT_PREFIX = 'metric:';

/**
 * Runs optimizer steps: forward → backward → AdamW as compiled graphs, one session per shape bucket.
 * With several micro-batches, gradients are summed by an accumulate graph and applied once, scaled by
 * 1/k (as Hugging Face's Trainer does).
 */
export class StepRunner {
  private readonly sessions = new Map<string, Promise<Session>>();
  private readonly graphs: { step: Graph; accumulate: Graph; apply: Graph };

  constructor(private readonly backend: TensorBackend, forward: ForwardFn, private readonly params: ParameterStore, adamW: AdamWOptions, paramSpecs: Parameters<typeof buildAdamWApplyGraph>[0]) {
    this.graphs = {
      step: buildTrainStepGraph(forward, adamW),
      accumulate: buildAccumulateGraph(forward),
      apply: buildAdamWApplyGraph(paramSpecs, adamW),
    };
  }

  /** One optimizer step over `microBatches` at learning rate `lr`; `step` is 1-based (bias correction). */
  async step(microBatches: readonly MicroBatch[], lr: number, step: number): Promise<StepResult> {
    const scalars = this.scalars(lr, step, 1 / microBatches.length);
    try {
      if (microBatches.length === 1) return await this.fusedStep(microBatches[0]!, scalars);
      return await this.accumulatedStep(microBatches, scalars);
    } finally {
      for (const t of Object.values(scalars)) t.dispose();
    }
  }

  async dispose(): Promise<void> {
    for (const session of this.sessions.values()) await (await session).dispose();
    this.sessions.clear();
  }

  private async fusedStep(batch: MicroBatch, scalars: Record<string, DeviceTensor>): Promise<StepResult> {
    const session = await this.session('step', batch.dims);
    const outputs = await session.run({ ...batch.feeds, ...this.params.feeds(), ...scalars });
    this.params.applyUpdate(outputs);
    return this.finish(outputs, [reported(outputs)]);
  }

  private async accumulatedStep(batches: readonly MicroBatch[], scalars: Record<string, DeviceTensor>): Promise<StepResult> {
    let accumulators: Record<string, DeviceTensor> = this.zeroAccumulators();
    const perBatch: Record<string, DeviceTensor>[] = [];
    for (const batch of batches) {
      const session = await this.session('accumulate', batch.dims);
      const outputs = await session.run({ ...batch.feeds, ...this.params.weightFeeds(), ...accumulators });
      for (const t of Object.values(accumulators)) t.dispose();
      accumulators = {};
      for (const name of this.params.trainable) accumulators[names.accumulator(name)] = outputs[names.updatedAccumulator(name)]!;
      perBatch.push(reported(outputs));
    }
    const grads = Object.fromEntries(this.params.trainable.map((n) => [names.grad(n), accumulators[names.accumulator(n)]!]));
    const apply = await this.session('apply', {});
    const outputs = await apply.run({ ...this.params.feeds(), ...grads, ...scalars });
    for (const t of Object.values(grads)) t.dispose();
    this.params.applyUpdate(outputs);
    return this.finish(outputs, perBatch);
  }

  private async finish(outputs: Record<string, DeviceTensor>, perBatch: readonly Record<string, DeviceTensor>[]): Promise<StepResult> {
    const means: Record<string, number> = {};
    for (const batch of perBatch) {
      for (const [name, t] of Object.entries(batch)) means[name] = (means[name] ?? 0) + Number((await this.backend.download(t)).data[0]) / perBatch.length;
    }
    const gradNorm = Number((await this.backend.download(outputs[names.gradNorm]!)).data[0]);
    for (const t of new Set([...Object.values(outputs), ...perBatch.flatMap((b) => Object.values(b))])) t.dispose();
    const { loss = NaN, ...metrics } = means;
    return { loss, gradNorm, metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k.slice(METRIC_OUTPUT_PREFIX.length), v])) };
  }

  private zeroAccumulators(): Record<string, DeviceTensor> {
    const acc: Record<string, DeviceTensor> = {};
    for (const input of this.graphs.accumulate.inputs) {
      if (!input.name?.startsWith('acc:')) continue;
      const shape = input.shape.map(Number);
      acc[input.name] = this.backend.upload(hostTensor('float32', shape, new Float32Array(shape.reduce((a, b) => a * b, 1))));
    }
    return acc;
  }

  private scalars(lr: number, step: number, gradScale: number): Record<string, DeviceTensor> {
    const scalar = (x: number) => this.backend.upload(hostTensor('float32', [], new Float32Array([x])));
    return { [names.lr]: scalar(lr), [names.step]: scalar(step), [names.gradScale]: scalar(gradScale) };
  }

  private session(kind: 'step' | 'accumulate' | 'apply', dims: Readonly<Record<string, number>>): Promise<Session> {
    const key = `${kind}:${JSON.stringify(dims)}`;
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = this.backend.compile(this.graphs[kind], { dims, name: `${kind}-${Object.values(dims).join('x') || 'static'}` });
      this.sessions.set(key, session);
    }
    return session;
  }
}

/** The loss and `metric:*` outputs of one micro-batch's run. */
function reported(outputs: Record<string, DeviceTensor>): Record<string, DeviceTensor> {
  return Object.fromEntries(Object.entries(outputs).filter(([name]) => name === 'loss' || name.startsWith(METRIC_OUTPUT_PREFIX)));
}
