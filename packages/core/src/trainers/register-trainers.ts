import type { PluginRegistrar } from '../di/registrar';
import { demoOptionsSchema } from '../pipeline/demo/demo-options';
import { pipelineOptionsSchema } from '../pipeline/pipeline-options';
import { dpoOptionsSchema } from './dpo/dpo-options';
import { ppoOptionsSchema } from './ppo/ppo-options';
import { rmOptionsSchema } from './rm/rm-options';
import { sftOptionsSchema } from './sft/sft-options';

/** The config sections of the built-in trainers (`sft`, `rm`, `ppo`, `dpo` keys, Okapi defaults). */
export function registerTrainerContributions(r: PluginRegistrar): void {
  r.configSection({ key: 'sft', summary: "Supervised fine-tuning (`okapi sft`); defaults are Okapi's recipe.", schema: sftOptionsSchema });
  r.configSection({ key: 'rm', summary: "Reward-model training (`okapi rm`); defaults are Okapi's recipe.", schema: rmOptionsSchema });
  r.configSection({ key: 'ppo', summary: "PPO (`okapi ppo`); defaults are Okapi's recipe.", schema: ppoOptionsSchema });
  r.configSection({ key: 'pipeline', summary: 'Stages and languages of `okapi pipeline`.', schema: pipelineOptionsSchema });
  r.configSection({ key: 'demo', summary: 'Overrides of the embedded demo preset (`okapi demo`).', schema: demoOptionsSchema });
  r.configSection({ key: 'dpo', summary: 'Direct preference optimisation (`okapi dpo`).', schema: dpoOptionsSchema });
}
