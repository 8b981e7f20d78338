import { OkapiError } from '../../errors/okapi-error';
import type { HostTensor } from '../../ir/host-tensor';
import { saveModelDirectory } from '../../models/model-directory';
import type { ParameterSpec } from '../../models/model-architecture';
import type { ModelWeights } from '../../models/parameter-init';
import type { ForwardFn } from '../../optim/training-graph';
import { trainableParameterNames } from '../engine/trainable-parameters';
import { saveLoraModelDirectory } from '../lora/lora-files';
import { initLoraWeights } from '../lora/lora-init';
import { loraParameterSpecs, planLora, type LoraPlan } from '../lora/lora-plan';
import { causalLmLoss } from './causal-lm-loss';
import type { SftJob } from './sft-job';

/** What an SFT run trains: full weights (all or the top N blocks), or LoRA adapters on frozen weights. */
export interface SftParameters {
  /** Every parameter the graphs read (the model's, plus adapters with LoRA). */
  readonly specs: readonly ParameterSpec[];
  readonly trainable: readonly string[];
  /** Elements of the trainable tensors (PEFT's "trainable params"). */
  readonly trainableCount: number;
  /** Starting values of `specs` (fresh, or from the checkpoint being resumed). */
  readonly weights: ReadonlyMap<string, HostTensor>;
  readonly lora?: LoraPlan;
  readonly forward: ForwardFn;
  /** Writes the model directory of a checkpoint from the current values of `specs`. */
  save(dir: string, current: ReadonlyMap<string, HostTensor>): Promise<void>;
}

export function sftParameters(job: SftJob): SftParameters {
  const { options: o, model } = job;
  if (o.lora === undefined) {
    const specs = model.arch.parameters();
    const trainable = trainableParameterNames(model.arch, specs, o.trainableLayers);
    return {
      specs, trainable, trainableCount: countElements(specs, trainable), weights: job.resume?.weights ?? model.weights,
      forward: causalLmLoss(model.arch, new Set(trainable)),
      save: (dir, current) => saveModelDirectory(dir, model.arch, current as ModelWeights),
    };
  }
  if (o.trainableLayers !== null) {
    throw new OkapiError('sft.trainableLayers and sft.lora are both set.', { hint: 'LoRA trains adapters on frozen weights: remove trainableLayers (or lora).' });
  }
  const plan = planLora(model.arch, o.lora);
  const adapterSpecs = loraParameterSpecs(plan);
  const trainable = adapterSpecs.map((s) => s.name);
  const isAdapter = new Set(trainable);
  const adapters = job.resume === undefined ? initLoraWeights(plan, job.seed) : job.resume.adapters;
  if (adapters === undefined) {
    throw new OkapiError('The checkpoint being resumed holds no LoRA adapters, but sft.lora is set.', { hint: 'Resume with the options the run started with (or start a new run directory).' });
  }
  const split = (current: ReadonlyMap<string, HostTensor>, adapter: boolean) => new Map([...current].filter(([name]) => isAdapter.has(name) === adapter));
  return {
    specs: [...model.arch.parameters(), ...adapterSpecs], trainable, trainableCount: countElements(adapterSpecs, trainable), lora: plan,
    weights: new Map<string, HostTensor>([...model.weights, ...adapters]),
    forward: causalLmLoss(model.arch, new Set(trainable), { plan, dropoutMasks: true }),
    save: (dir, current) => saveLoraModelDirectory(dir, model.arch, split(current, false) as ModelWeights, split(current, true), plan, job.baseModelPath),
  };
}

function countElements(specs: readonly ParameterSpec[], names: readonly string[]): number {
  const wanted = new Set(names);
  return specs.filter((s) => wanted.has(s.name)).reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
}
