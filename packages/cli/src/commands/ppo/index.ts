import path from 'node:path';
import { runPpoStage, type CommandDescriptor, type PpoOptions } from '@okapi/core';
import { StepProgress } from '../../progress/step-progress';

const pick = (m: Readonly<Record<string, number>>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in m).map((k) => [k, m[k]]));

/** `okapi ppo`: RLHF with PPO and Okapi's recipe (every value overridable). */
export const ppoCommand: CommandDescriptor = {
  name: 'ppo',
  summary: 'Optimise the SFT model against a reward model with PPO (Okapi stage 3)',
  description: "Adds a value head to the SFT model (the frozen copy is the KL reference), samples rollouts for RL prompts in chunks, scores them with the configured reward model ('learned', 'verifier', 'language-fidelity', 'length', 'composite' or a plugin's), and runs PPO epochs with adaptive KL. Logs reward, KL, entropy, clip fraction, value loss, explained variance, response length and the generation / scoring / training time split per iteration; writes checkpoints, an HTML report and <output>/final.",
  examples: [
    "okapi ppo --model runs/sft-vi/final --data ./data/rl-vi.json --lang vi --output runs/ppo-vi",
    'okapi ppo --model runs/sft-vi/final --data ./demo-data/ppo --reward verifier --iterations 20 --num-rollouts 32',
    'okapi ppo --output runs/ppo-vi --resume',
  ],
  options: [
    { flags: '--model <dir>', description: 'SFT model directory (policy start and frozen reference)', configPath: 'ppo.model' },
    { flags: '--data <path>', description: 'RL prompts (instruction data), or a directory of Okapi {lang}.json files', configPath: 'ppo.data' },
    { flags: '--format <id>', description: 'dataset adapter (default: detected)', configPath: 'ppo.format' },
    { flags: '--reward <id>', description: "reward model id (options: set ppo.reward: { id, options } in config)", configPath: 'ppo.reward' },
    { flags: '--output <dir>', description: 'run directory (default: <outputDir>/ppo-<lang>)' },
    { flags: '--iterations <n>', description: 'rollout + optimisation iterations', configPath: 'ppo.iterations', parse: 'int' },
    { flags: '--max-steps <n>', description: 'stop after the iteration that reaches this many optimizer steps', configPath: 'ppo.maxSteps', parse: 'int' },
    { flags: '--num-rollouts <n>', description: 'rollouts per iteration', configPath: 'ppo.numRollouts', parse: 'int' },
    { flags: '--chunk-size <n>', description: 'rollouts generated per batch', configPath: 'ppo.chunkSize', parse: 'int' },
    { flags: '--max-new-tokens <n>', description: 'longest sampled response', configPath: 'ppo.maxNewTokens', parse: 'int' },
    { flags: '--learning-rate <lr>', description: 'peak learning rate', configPath: 'ppo.learningRate', parse: 'float' },
    { flags: '--trainable-layers <n>', description: 'train only the top N blocks (plus the value head)', configPath: 'ppo.trainableLayers', parse: 'int' },
    { flags: '--on-invalid <policy>', description: 'invalid records: fail, or skip (written to a side file)', choices: ['fail', 'skip'] },
    { flags: '--resume', description: 'continue from the newest checkpoint in the run directory' },
  ],
  async run({ scope, out, options, signal }) {
    const o = scope.config.ppo as PpoOptions;
    const output = (options.output as string | undefined) ?? path.join(scope.config.outputDir, `ppo-${scope.config.lang}`);
    const progress = new StepProgress(process.stderr, 'ppo', ['reward', 'kl', 'validationReward']);
    try {
      const { result, model, run } = await runPpoStage(scope, o, {
        output, resume: options.resume === true, signal, onInvalid: options.onInvalid as 'fail' | 'skip' | undefined,
        onStep: (m) => progress.update(m),
      });
      progress.stop();
      const shown = pick(result.metrics, ['iteration', 'reward', 'kl', 'klCoef', 'entropy', 'clipFraction', 'valueLoss', 'explainedVariance', 'responseLength', 'generationShare', 'validationReward']);
      out.table([{ steps: result.steps, ...shown, interrupted: result.interrupted }], { title: 'PPO' });
      const stopped = result.metrics.klStopped === 1 ? `Stopped: KL above ppo.klStop (${o.klStop}). ` : '';
      out.info(`${stopped}${result.interrupted ? 'Interrupted; resume with --resume. ' : ''}Model: ${model}\nReport: ${run.report}\nChat with it: okapi chat --model ${model} --lang ${scope.config.lang}`);
    } finally {
      progress.stop();
    }
  },
};
