import type { PluginRegistrar } from '../di/registrar';
import { compositeReward } from './builtins/composite-reward';
import { languageFidelityReward } from './builtins/language-fidelity-reward';
import { lengthReward } from './builtins/length-reward';
import { verifierReward } from './builtins/verifier-reward';

/** Core's built-in reward models (the learned RM is registered with the model families). */
export function registerRewardContributions(r: PluginRegistrar): void {
  r.rewardModel(languageFidelityReward);
  r.rewardModel(lengthReward);
  r.rewardModel(compositeReward);
  r.rewardModel(verifierReward());
}
