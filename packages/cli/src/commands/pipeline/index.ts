import path from 'node:path';
import pc from 'picocolors';
import { runPipeline, type CommandDescriptor, type PipelineOptions } from '@okapi/core';
import { StepProgress } from '../../progress/step-progress';

/** `okapi pipeline`: Okapi's SFT → RM → PPO (or SFT → DPO) for one or more languages from one config. */
export const pipelineCommand: CommandDescriptor = {
  name: 'pipeline',
  summary: 'Run SFT → RM → PPO (or SFT → DPO) for one or more languages, skipping finished stages',
  description: "Each stage reads its section of the config (sft.model: the base model; sft, rm, ppo, dpo: data — a directory of {lang}.json files — and options) and starts from the previous stage's model; PPO's 'learned' reward is the RM just trained. Finished stages are skipped and an interrupted one resumes, so rerunning continues. The examples assume okapi.config.ts holds { sft: { model: 'runs/demo-vi/base', data: './demo-data/sft' }, rm: { data: './demo-data/rm' }, ppo: { data: './demo-data/ppo' }, dpo: { data: './demo-data/rm' } } (`okapi demo` builds the model; `okapi data demo ./demo-data --langs vi,hi,ta` writes the data).",
  examples: [
    'okapi pipeline --lang vi',
    'okapi pipeline --langs vi,hi,ta --method dpo',
    'okapi pipeline --lang vi --stages sft,rm',
  ],
  options: [
    { flags: '--langs <codes>', description: 'languages (comma-separated; default: --lang)', configPath: 'pipeline.langs', parse: 'list' },
    { flags: '--method <name>', description: 'after SFT', configPath: 'pipeline.method', choices: ['ppo', 'dpo'] },
    { flags: '--stages <names>', description: 'only these stages (comma-separated)', configPath: 'pipeline.stages', parse: 'list' },
    { flags: '--output <dir>', description: 'root of the stage run directories (default: <outputDir>/pipeline)' },
  ],
  async run({ scope, out, options, signal }) {
    const output = (options.output as string | undefined) ?? path.join(scope.config.outputDir, 'pipeline');
    const progress = new StepProgress(process.stderr, 'train', ['loss', 'reward', 'accuracy', 'kl']);
    try {
      const outcomes = await runPipeline(scope, scope.config.pipeline as PipelineOptions, {
        output, signal,
        onStage: (lang, stage) => { progress.stop(); progress.reset(); out.info(`${pc.cyan('▸')} ${lang} · ${stage}`); },
        onStep: (m) => progress.update(m),
      });
      progress.stop();
      out.table(outcomes.map((o) => ({ lang: o.lang, stage: o.stage, status: o.status, ...o.metrics, model: o.model })), { title: 'Pipeline summary' });
      const last = outcomes.at(-1);
      if (last !== undefined) out.info(`Chat with the last model: okapi chat --model ${last.model} --lang ${last.lang}`);
    } finally {
      progress.stop();
    }
  },
};
