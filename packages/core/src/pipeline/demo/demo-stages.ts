import path from 'node:path';
import type { RunScope } from '../../di/run-scope';
import { ppoOptionsSchema } from '../../trainers/ppo/ppo-options';
import { rmOptionsSchema } from '../../trainers/rm/rm-options';
import { sftOptionsSchema } from '../../trainers/sft/sft-options';
import { runPpoStage } from '../ppo-stage';
import { runRmStage } from '../rm-stage';
import { runSftStage, type StageResult } from '../sft-stage';
import type { StageRunOptions } from '../stage-io';
import type { StepMetrics } from '../../trainers/trainer';
import type { DemoOverrides } from './demo-options';
import type { DemoPreset } from './demo-presets';

export interface DemoStage {
  readonly name: string;
  readonly dir: string;
  /** Whether its model is evaluated on the held-out prompts (the RM is not a chat model). */
  readonly evaluate: boolean;
  run(scope: RunScope, io: StageRunOptions & { onStep?: (m: StepMetrics) => void }): Promise<StageResult>;
}

/**
 * Okapi's three stages at demo scale: SFT from the base model; a reward model on the K = 4 ranked
 * candidates; PPO from the SFT model (reward: the tasks' verifier, or the learned RM).
 */
export function demoStages(out: string, baseDir: string, p: DemoPreset & DemoOverrides): DemoStage[] {
  const dir = (name: string) => path.join(out, name);
  const sftModel = path.join(dir('sft'), 'final');
  const data = (split: string) => path.join(out, 'data', split);
  const common = { weightDecay: 0, evalEvery: 50, saveEvery: 100, validationSplit: 0.05, maxLength: 128 };
  return [
    {
      name: 'sft', dir: dir('sft'), evaluate: true,
      run: (scope, io) => runSftStage(scope, sftOptionsSchema.parse({
        ...common, model: baseDir, data: data('sft'), maxSteps: p.sftSteps, learningRate: p.sftLearningRate,
        warmupSteps: p.sftWarmupSteps, microBatchSize: p.sftBatchSize,
      }), io),
    },
    {
      name: 'rm', dir: dir('rm'), evaluate: false,
      run: (scope, io) => runRmStage(scope, rmOptionsSchema.parse({
        ...common, model: sftModel, data: data('rm'), maxSteps: p.rmSteps, learningRate: 1e-3, warmupSteps: 10,
        microBatchSize: 8, gradientAccumulationSteps: 1, trainableLayers: null, evalEvery: Math.max(1, Math.floor(p.rmSteps / 4)),
      }), io),
    },
    {
      name: 'ppo', dir: dir('ppo'), evaluate: true,
      run: (scope, io) => runPpoStage(scope, ppoOptionsSchema.parse({
        ...common, model: sftModel, data: data('ppo'), iterations: p.ppoIterations, numRollouts: p.ppoRollouts, chunkSize: 32,
        // small steps, many of them: one optimizer step per 8 rollouts, two passes, a constant learning rate
        batchSize: 8, miniBatchSize: 8, ppoEpochs: 2, maxNewTokens: p.maxNewTokens, learningRate: p.ppoLearningRate, warmupSteps: 0, schedule: 'constant',
        // a tiny policy learns poorly when the value loss dominates (Okapi's 1.0 is for 7B models)
        vfCoef: p.ppoVfCoef ?? 0.1, lam: p.ppoLam ?? 0.95, temperature: p.ppoTemperature ?? 1,
        samplesPerPrompt: p.ppoSamplesPerPrompt ?? 1, rewardBaseline: p.ppoRewardBaseline ?? 'none',
        trainableLayers: null, evalEvery: ppoSteps(p, 4), saveEvery: ppoSteps(p, 4),
        reward: p.ppoReward === 'learned' ? { id: 'learned', options: { model: path.join(dir('rm'), 'final') } } : 'verifier',
      }), io),
    },
  ];
}

/** Optimizer steps in `iterations` PPO iterations of the demo (2 epochs of batches of 8 rollouts). */
function ppoSteps(p: DemoPreset, iterations: number): number {
  return iterations * 2 * Math.ceil(p.ppoRollouts / 8);
}
