import type { TensorBackend } from '../../backend/tensor-backend';
import type { GenerationModel } from '../../generation/generate-model';
import type { ModelArchitecture } from '../model-architecture';
import type { ModelWeights } from '../parameter-init';
import { CausalLmRunner } from './causal-lm-runner';
import { GrowingPastRunner } from './growing-past-runner';

/** A generation model that holds backend resources until disposed. */
export interface GenerationRunner extends GenerationModel {
  dispose(): Promise<void>;
}

export interface GenerationRunnerOptions {
  /** Let the runner drop the host weights once it no longer needs them (the caller reads them no more). */
  readonly releaseWeights?: boolean;
}

/**
 * The inference runner for a backend: one growing-past decoder session with the weights baked in
 * where the backend compiles dynamic dims (onnx), else the static-KV-cache `CausalLmRunner`
 * (tfjs, reference). Not for PPO's policy, whose weights change every iteration.
 */
export function createGenerationRunner(
  backend: TensorBackend, arch: ModelArchitecture, weights: ModelWeights, maxLength: number, options: GenerationRunnerOptions = {},
): GenerationRunner {
  if (backend.dynamicDims === true) return GrowingPastRunner.create(backend, arch, weights, { maxLength, releaseWeights: options.releaseWeights });
  return CausalLmRunner.create(backend, arch, weights, maxLength);
}

/**
 * Runners by the length a request needs, kept across requests so a chat compiles once: one for the
 * whole context on dynamic-dims backends, else one per power-of-two bucket (at least 64).
 */
export class GenerationRunners {
  private readonly runners = new Map<number, GenerationRunner>();

  constructor(
    private readonly backend: TensorBackend,
    private readonly model: { readonly arch: ModelArchitecture; readonly weights: ModelWeights },
    private readonly options: GenerationRunnerOptions = {},
  ) {}

  runnerFor(length: number): GenerationRunner {
    const limit = this.model.arch.config.maxPositions ?? Infinity;
    const bucket = this.backend.dynamicDims === true
      ? Math.min(limit, Number.MAX_SAFE_INTEGER)
      : Math.min(limit, 2 ** Math.ceil(Math.log2(Math.max(64, length))));
    let runner = this.runners.get(bucket);
    if (runner === undefined) {
      runner = createGenerationRunner(this.backend, this.model.arch, this.model.weights, bucket, this.options);
      this.runners.set(bucket, runner);
    }
    return runner;
  }

  async dispose(): Promise<void> {
    for (const runner of this.runners.values()) await runner.dispose();
    this.runners.clear();
  }
}
