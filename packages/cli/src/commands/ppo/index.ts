import { runPpoStage } from '@okapi/core';
import { chatWith, stageCommand } from '../stage-command';

/** `okapi ppo`: RLHF with PPO and Okapi's recipe (every value overridable). */
export const ppoCommand = stageCommand({
  name: 'ppo',
  title: 'PPO',
  summary: 'Optimise the SFT model against a reward model with PPO (Okapi stage 3)',
  description: "Adds a value head to the SFT model (the frozen copy is the KL reference), samples rollouts for RL prompts in chunks, scores them with the configured reward model ('learned', 'verifier', 'language-fidelity', 'length', 'composite' or a plugin's), and runs PPO epochs with adaptive KL. Logs reward, KL, entropy, clip fraction, value loss, explained variance, response length and the generation / scoring / training time split per iteration; writes checkpoints, an HTML report and <output>/final. The learned reward (Okapi's, the default) needs the RM's directory in the config: ppo.reward: { id: 'learned', options: { model: 'runs/rm-vi/final' } }.",
  examples: [
    "okapi ppo --model runs/sft-vi/final --data ./demo-data/ppo/vi.json --lang vi --reward verifier --output runs/ppo-vi",
    'okapi ppo --model runs/sft-vi/final --data ./demo-data/ppo --reward verifier --iterations 4 --num-rollouts 16',
    'okapi ppo --output runs/ppo-vi --resume',
  ],
  modelHelp: 'SFT model directory (policy start and frozen reference)',
  dataHelp: 'RL prompts (instruction data), or a directory of Okapi {lang}.json files',
  options: [
    { flags: '--reward <id>', description: "reward model id (options: set ppo.reward: { id, options } in config)", configPath: 'ppo.reward' },
    { flags: '--iterations <n>', description: 'rollout + optimisation iterations', configPath: 'ppo.iterations', parse: 'int' },
    { flags: '--num-rollouts <n>', description: 'rollouts per iteration', configPath: 'ppo.numRollouts', parse: 'int' },
    { flags: '--chunk-size <n>', description: 'rollouts generated per batch', configPath: 'ppo.chunkSize', parse: 'int' },
    { flags: '--max-new-tokens <n>', description: 'longest sampled response', configPath: 'ppo.maxNewTokens', parse: 'int' },
    { flags: '--trainable-layers <n>', description: 'train only the top N blocks (plus the value head)', configPath: 'ppo.trainableLayers', parse: 'int' },
  ],
  progressKeys: ['reward', 'kl', 'validationReward'],
  summaryKeys: ['iteration', 'reward', 'kl', 'klCoef', 'entropy', 'clipFraction', 'valueLoss', 'explainedVariance', 'responseLength', 'generationShare', 'validationReward'],
  run: runPpoStage,
  next: (r, model, scope) => `${r.metrics.klStopped === 1 ? 'Stopped: mean KL above ppo.klStop. ' : ''}${chatWith(model, scope)}`,
});
