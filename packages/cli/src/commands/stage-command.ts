import path from 'node:path';
import { resumeStageScope, type CliOption, type CommandDescriptor, type RunScope, type StageResult, type StageRunOptions, type StepMetrics, type TrainResult } from '@okapi/core';
import { StepProgress } from '../progress/step-progress';

type StageIo = StageRunOptions & { onStep?: (m: StepMetrics) => void };

/** What differs between `okapi sft`, `rm`, `ppo` and `dpo`; the rest is shared. */
export interface StageCommandSpec {
  /** Command name = config section = run directory prefix. */
  readonly name: 'sft' | 'rm' | 'ppo' | 'dpo';
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly examples: readonly string[];
  readonly modelHelp: string;
  readonly dataHelp: string;
  /** Stage-specific flags, between the shared ones. */
  readonly options: readonly CliOption[];
  /** Metrics on the progress bar, and those in the final table (besides steps and loss). */
  readonly progressKeys: readonly string[];
  readonly summaryKeys: readonly string[];
  run(scope: RunScope, options: never, io: StageIo): Promise<StageResult>;
  /** The closing lines: where the model is and what to do with it. */
  next(result: TrainResult, model: string, scope: RunScope): string;
}

const pick = (m: Readonly<Record<string, number>>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in m).map((k) => [k, m[k]]));

/** Where the examples' paths come from, so that they work when pasted in order. */
const examplePaths = 'In the examples, runs/demo-vi/base is the tiny model `okapi demo` builds, ./demo-data what `okapi data demo ./demo-data --langs vi,hi,ta` writes, and runs/sft-vi/final what the first `okapi sft` example trains.';

/** A training-stage command: shared flags, progress bar, summary table, resume, and its config section. */
export function stageCommand(spec: StageCommandSpec): CommandDescriptor {
  const key = (name: string) => `${spec.name}.${name}`;
  return {
    name: spec.name,
    summary: spec.summary,
    description: `${spec.description} ${examplePaths}`,
    examples: spec.examples,
    options: [
      { flags: '--model <dir>', description: spec.modelHelp, configPath: key('model') },
      { flags: '--data <path>', description: spec.dataHelp, configPath: key('data') },
      { flags: '--format <id>', description: 'dataset adapter (default: detected)', configPath: key('format') },
      { flags: '--output <dir>', description: `run directory (default: <outputDir>/${spec.name}-<lang>)` },
      ...spec.options,
      { flags: '--max-steps <n>', description: 'stop after this many optimizer steps', configPath: key('maxSteps'), parse: 'int' },
      { flags: '--learning-rate <lr>', description: 'peak learning rate', configPath: key('learningRate'), parse: 'float' },
      { flags: '--on-invalid <policy>', description: 'invalid records: fail, or skip (written to a side file)', choices: ['fail', 'skip'] },
      {
        flags: '--resume',
        description: 'continue the run in --output from its newest checkpoint, with the config it recorded (model, data, lang, seed, every option); flags given now win, except a different --model, which is an error',
      },
    ],
    async run({ scope: invoked, out, options, signal }) {
      const output = (options.output as string | undefined) ?? path.join(invoked.config.outputDir, `${spec.name}-${invoked.config.lang}`);
      const resume = options.resume === true;
      // a resumed run takes what the flags leave out from the config it recorded
      const resumed = resume ? resumeStageScope(invoked, spec.name, output) : undefined;
      const scope = resumed ?? invoked;
      const progress = new StepProgress(process.stderr, spec.name, spec.progressKeys);
      try {
        const { result, model, run } = await spec.run(scope, scope.config[spec.name] as never, {
          output, resume, signal, onInvalid: options.onInvalid as 'fail' | 'skip' | undefined,
          onStep: (m) => progress.update(m),
        });
        progress.stop();
        out.table([{ steps: result.steps, ...pick(result.metrics, ['loss', ...spec.summaryKeys]), interrupted: result.interrupted }], { title: spec.title });
        out.info(`${result.interrupted ? `Interrupted; continue with: okapi ${spec.name} --output ${output} --resume\n` : ''}${spec.next(result, model, scope)}\nReport: ${run.report}`);
      } finally {
        progress.stop();
        await resumed?.dispose();
      }
    },
  };
}

/** The usual closing line of a stage that produces a chat model. */
export const chatWith = (model: string, scope: RunScope): string => `Model: ${model}\nChat with it: okapi chat --model ${model} --lang ${scope.config.lang}`;
