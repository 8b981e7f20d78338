import type { PluginRegistrar } from '../di/registrar';
import { compositeReward } from './builtins/composite-reward';
import { languageFidelityReward } from './builtins/language-fidelity-reward';
import { learnedReward } from './builtins/learned-reward';
import { lengthReward } from './builtins/length-reward';
import { verifierReward, type Checker } from './builtins/verifier-reward';
import { checkDemoResponse } from '../data/demo/check-demo-response';

/** Core's built-in reward models. */
export function registerRewardContributions(r: PluginRegistrar): void {
  r.rewardModel(languageFidelityReward);
  r.rewardModel(lengthReward);
  r.rewardModel(compositeReward);
  r.rewardModel(verifierReward([demoTaskChecker]));
  r.rewardModel(learnedReward);
}

/** The built-in demo tasks are verifiable: a reference `{ instruction, input }` is enough to check. */
export const demoTaskChecker: Checker = (response, reference) =>
  typeof reference.instruction === 'string' && typeof reference.input === 'string'
    ? checkDemoResponse({ instruction: reference.instruction, input: reference.input }, response)?.score
    : undefined;
