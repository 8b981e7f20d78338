import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RunScope } from '../di/run-scope';
import type { DpoOptions } from '../trainers/dpo/dpo-options';
import type { PpoOptions } from '../trainers/ppo/ppo-options';
import type { RmOptions } from '../trainers/rm/rm-options';
import type { SftOptions } from '../trainers/sft/sft-options';
import type { StepMetrics, TrainResult } from '../trainers/trainer';
import { runDpoStage } from './dpo-stage';
import type { PipelineOptions } from './pipeline-options';
import { runPpoStage } from './ppo-stage';
import { runRmStage } from './rm-stage';
import { runSftStage } from './sft-stage';
import { resolveUserPath } from './stage-io';

export type StageName = 'sft' | 'rm' | 'ppo' | 'dpo';

export interface StageOutcome {
  readonly lang: string;
  readonly stage: StageName;
  /** 'done' (ran now), 'skipped' (its final model already existed), or 'interrupted'. */
  readonly status: 'done' | 'skipped' | 'interrupted';
  readonly model: string;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface PipelineRunOptions {
  readonly output: string;
  readonly signal: AbortSignal;
  readonly onStage?: (lang: string, stage: StageName) => void;
  readonly onStep?: (m: StepMetrics) => void;
}

/**
 * Okapi's recipe for each language: SFT → RM → PPO (or SFT → DPO), each stage starting from the last
 * one's model. A stage whose `<output>/<lang>/<stage>/final` exists is skipped; an interrupted one
 * resumes from its newest checkpoint.
 */
export async function runPipeline(scope: RunScope, p: PipelineOptions, o: PipelineRunOptions): Promise<StageOutcome[]> {
  const outcomes: StageOutcome[] = [];
  const stages = p.stages ?? (p.method === 'dpo' ? ['sft', 'dpo'] : ['sft', 'rm', 'ppo']);
  for (const lang of p.langs ?? [scope.config.lang]) {
    const langScope = scope.forLanguage(lang);
    try {
      const dir = (stage: StageName) => path.join(resolveUserPath(scope, o.output), lang, stage);
      const finalOf = (stage: StageName) => path.join(dir(stage), 'final');
      const sftModel = stages.includes('sft') ? finalOf('sft') : (scope.config.sft as SftOptions).model;
      for (const stage of stages) {
        if (o.signal.aborted) return outcomes;
        o.onStage?.(lang, stage);
        if (existsSync(path.join(finalOf(stage), 'config.json'))) {
          outcomes.push({ lang, stage, status: 'skipped', model: finalOf(stage), metrics: {} });
          continue;
        }
        const io = { output: dir(stage), resume: true, signal: o.signal, onStep: o.onStep };
        const result = await runStage(langScope, stage, sftModel, finalOf('rm'), io);
        outcomes.push({ lang, stage, status: result.interrupted ? 'interrupted' : 'done', model: finalOf(stage), metrics: result.metrics });
        if (result.interrupted) return outcomes;
      }
    } finally {
      await langScope.dispose();
    }
  }
  return outcomes;
}

async function runStage(scope: RunScope, stage: StageName, sftModel: string | undefined, rmModel: string, io: Parameters<typeof runSftStage>[2]): Promise<TrainResult> {
  const c = scope.config as Record<string, unknown>;
  switch (stage) {
    case 'sft':
      return (await runSftStage(scope, c.sft as SftOptions, io)).result;
    case 'rm':
      return (await runRmStage(scope, { ...(c.rm as RmOptions), model: (c.rm as RmOptions).model ?? sftModel }, io)).result;
    case 'dpo':
      return (await runDpoStage(scope, { ...(c.dpo as DpoOptions), model: (c.dpo as DpoOptions).model ?? sftModel }, io)).result;
    case 'ppo': {
      const ppo = c.ppo as PpoOptions;
      const reward = ppo.reward === 'learned' ? { id: 'learned', options: { model: rmModel } } : ppo.reward;
      return (await runPpoStage(scope, { ...ppo, model: ppo.model ?? sftModel, reward }, io)).result;
    }
  }
}
