import type { TensorBackend } from '../../backend/tensor-backend';
import type { ParameterSpec } from '../../models/model-architecture';
import type { ForwardFn } from '../../optim/training-graph';
import { ParameterStore, type HostWeights, type OptimizerMoments } from './parameter-store';
import { StepRunner } from './step-runner';
import { usesWeightDecay } from './trainable-parameters';

/** The optimizer keys every trainer's options share (see common-options.ts). */
export interface OptimizerSettings {
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly maxGradNorm?: number;
}

/**
 * What every trainer sets up the same way: the model's weights resident on the backend with AdamW
 * moments for `trainable` (restored on resume), and a step runner for the stage's loss. Weight decay
 * skips biases and norms (Hugging Face's rule) in both the fused and the accumulated step.
 */
export function createOptimization(
  backend: TensorBackend, forward: (trainable: ReadonlySet<string>) => ForwardFn,
  specs: readonly ParameterSpec[], trainable: readonly string[], weights: HostWeights,
  o: OptimizerSettings, restored?: OptimizerMoments,
): { store: ParameterStore; runner: StepRunner } {
  const store = ParameterStore.upload(backend, weights, trainable, restored);
  const adamW = { beta1: o.betas[0], beta2: o.betas[1], eps: o.eps, weightDecay: o.weightDecay, maxGradNorm: o.maxGradNorm };
  const slots = specs.filter((s) => trainable.includes(s.name))
    .map((s) => ({ name: s.name, dtype: 'float32' as const, shape: s.shape, decay: usesWeightDecay(s.name) }));
  return { store, runner: new StepRunner(backend, forward(new Set(trainable)), store, adamW, slots) };
}
