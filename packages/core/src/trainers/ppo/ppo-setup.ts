import { createOptimization } from '../engine/optimizer-state';
import type { TensorBackend } from '../../backend/tensor-backend';
import { OkapiError } from '../../errors/okapi-error';
import { parametersWithHead } from '../../models/graph/build-graphs';
import { valueHeadParameters } from '../../models/graph/heads';
import { initParameters, type ModelWeights } from '../../models/parameter-init';
import { ResidentWeights } from '../../models/runtime/resident-weights';
import { ParameterStore } from '../engine/parameter-store';
import { StepRunner } from '../engine/step-runner';
import { trainableParameterNames } from '../engine/trainable-parameters';
import { AdaptiveKlController, FixedKlController, type KlController, type KlControllerState } from './kl-controller';
import type { PpoJob } from './ppo-job';
import { ppoLossForward } from './ppo-loss-graph';
import type { PpoOptions } from './ppo-options';

/** The policy's starting weights: the SFT trunk plus a fresh, seeded value head (TRL's v_head). */
export function initialPolicyWeights(job: PpoJob): ModelWeights {
  const weights: ModelWeights = new Map(job.model.weights);
  for (const [name, t] of initParameters(valueHeadParameters(job.model.arch), `${job.seed}/ppo/v_head`)) weights.set(name, t);
  return weights;
}

/** Policy parameters on the device (top N blocks + value head trainable), the frozen reference, and the step runner. */
export function uploadModels(backend: TensorBackend, job: PpoJob): { store: ParameterStore; reference: ResidentWeights; runner: StepRunner } {
  const o = job.options;
  const { arch } = job.model;
  const specs = parametersWithHead(arch, 'value');
  const trainable = trainableParameterNames(arch, specs, o.trainableLayers, (name) => name.startsWith('v_head.'));
  const { store, runner } = createOptimization(backend, (t) => ppoLossForward(arch, t, o), specs, trainable,
    job.resume?.weights ?? initialPolicyWeights(job), o, job.resume?.moments);
  return { store, reference: ResidentWeights.upload(backend, job.model.weights), runner };
}

/** The run's KL controller, continuing a checkpointed coefficient when there is one. */
export function klController(o: PpoOptions, saved?: KlControllerState): KlController {
  const value = saved?.value ?? o.initKlCoef;
  return o.adaptiveKl ? new AdaptiveKlController(value, o.klTarget, o.klHorizon) : new FixedKlController(value);
}

/** Prompts are cut from the left to this: maxPromptLength, or less where the context window needs room for the response. */
export function promptLimit(job: PpoJob): number {
  const o = job.options;
  const window = job.model.arch.config.maxPositions ?? Infinity;
  const limit = Math.min(o.maxPromptLength, window - o.maxNewTokens);
  if (limit < 1) {
    throw new OkapiError(`ppo.maxNewTokens (${o.maxNewTokens}) leaves no room for a prompt in this model's context window (${window} tokens)`, {
      hint: 'Lower ppo.maxNewTokens (Okapi: 256) below max_position_embeddings.',
    });
  }
  return limit;
}

/** Longest query + response a batch can reach: the generation (KV cache) length. */
export function generationLength(job: PpoJob): number {
  const limit = promptLimit(job);
  const longest = Math.max(1, ...[...job.train, ...job.validation].map((p) => Math.min(p.ids.length, limit)));
  return longest + job.options.maxNewTokens;
}

/** ppo.samplesPerPrompt must split numRollouts into whole groups, and a group-mean baseline needs two samples a group. */
export function checkSampleGroups(o: PpoOptions): void {
  const k = o.samplesPerPrompt;
  if (o.numRollouts % k !== 0) {
    throw new OkapiError(`ppo.numRollouts (${o.numRollouts}) is not divisible by ppo.samplesPerPrompt (${k})`, {
      hint: `numRollouts counts samples: make it a multiple of ${k} (e.g. ${Math.max(1, Math.round(o.numRollouts / k)) * k}).`,
    });
  }
  if (o.rewardBaseline === 'group-mean' && k < 2) {
    throw new OkapiError(`ppo.rewardBaseline 'group-mean' needs ppo.samplesPerPrompt >= 2 (got ${k})`, {
      hint: "The leave-one-out mean of a prompt's other samples needs other samples: set samplesPerPrompt to 2 or more (e.g. 4), or rewardBaseline to 'none'.",
    });
  }
}
