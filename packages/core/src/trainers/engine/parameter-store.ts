import type { DeviceTensor, TensorBackend } from '../../backend/tensor-backend';
import { hostTensor, type HostTensor } from '../../ir/host-tensor';
import { adamWNames as names } from '../../optim/adamw-names';

/** Host tensors by parameter name. */
export type HostWeights = ReadonlyMap<string, HostTensor>;

/** AdamW moments of the trainable parameters, for checkpoints. */
export interface OptimizerMoments {
  readonly m: HostWeights;
  readonly v: HostWeights;
}

/**
 * Every parameter of a model resident on the backend, plus AdamW moments for the trainable ones.
 * A training step feeds `feeds()` and hands its `new:*` outputs to `applyUpdate`, so weights never
 * leave the device between steps.
 */
export class ParameterStore {
  private readonly params = new Map<string, DeviceTensor>();
  private readonly moments = new Map<string, DeviceTensor>();

  private constructor(private readonly backend: TensorBackend, readonly trainable: readonly string[]) {}

  /** Uploads `weights`; moments start at zero unless restored from a checkpoint. */
  static upload(backend: TensorBackend, weights: HostWeights, trainable: readonly string[], restored?: OptimizerMoments): ParameterStore {
    const store = new ParameterStore(backend, trainable);
    for (const [name, tensor] of weights) store.params.set(name, backend.upload(tensor));
    for (const name of trainable) {
      const param = weights.get(name);
      if (param === undefined) throw new Error(`trainable parameter '${name}' has no weights`);
      const zeros = () => hostTensor(param.dtype, [...param.shape], new Float32Array(param.data.length));
      store.moments.set(names.firstMoment(name), backend.upload(restored?.m.get(name) ?? zeros()));
      store.moments.set(names.secondMoment(name), backend.upload(restored?.v.get(name) ?? zeros()));
    }
    return store;
  }

  /** Parameters only (forward passes). */
  weightFeeds(): Record<string, DeviceTensor> {
    return Object.fromEntries(this.params);
  }

  /** Parameters and moments (training steps). */
  feeds(): Record<string, DeviceTensor> {
    return { ...Object.fromEntries(this.params), ...Object.fromEntries(this.moments) };
  }

  /** Takes the updated parameters and moments out of a step's outputs, disposing the old ones. */
  applyUpdate(outputs: Record<string, DeviceTensor>): void {
    for (const name of this.trainable) {
      this.replace(this.params, name, outputs, names.updatedParam(name));
      this.replace(this.moments, names.firstMoment(name), outputs, names.updatedFirstMoment(name));
      this.replace(this.moments, names.secondMoment(name), outputs, names.updatedSecondMoment(name));
    }
  }

  async downloadWeights(): Promise<Map<string, HostTensor>> {
    const out = new Map<string, HostTensor>();
    for (const [name, tensor] of this.params) out.set(name, await this.backend.download(tensor));
    return out;
  }

  async downloadMoments(): Promise<OptimizerMoments> {
    const m = new Map<string, HostTensor>();
    const v = new Map<string, HostTensor>();
    for (const name of this.trainable) {
      m.set(name, await this.backend.download(this.moments.get(names.firstMoment(name))!));
      v.set(name, await this.backend.download(this.moments.get(names.secondMoment(name))!));
    }
    return { m, v };
  }

  dispose(): void {
    for (const t of [...this.params.values(), ...this.moments.values()]) t.dispose();
    this.params.clear();
    this.moments.clear();
  }

  private replace(target: Map<string, DeviceTensor>, key: string, outputs: Record<string, DeviceTensor>, outputName: string): void {
    const next = outputs[outputName];
    if (next === undefined) throw new Error(`training step produced no '${outputName}'`);
    target.get(key)?.dispose();
    target.set(key, next);
    delete outputs[outputName];
  }
}
