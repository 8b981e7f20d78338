import { DEFAULT_DEMO_SIZES, DEMO_LANGUAGES, DEMO_TASKS, generateDemoData, writeDemoData, type CommandDescriptor, type DemoSizes, type DemoTaskId } from '@okapi/core';
import { positiveInt, userPath } from '../data-options';

function size(value: unknown, flag: string, fallback: number): number {
  return value === undefined ? fallback : positiveInt(value, flag);
}

/** `okapi data demo`: writes the built-in multilingual demo data in the Okapi layout. */
export const dataDemoCommand: CommandDescriptor = {
  name: 'data demo',
  summary: `Write the built-in demo data (${DEMO_TASKS.length} verifiable tasks, ${DEMO_LANGUAGES.length} languages): SFT, ranked RM, PPO and held-out files`,
  examples: ['okapi data demo ./demo-data --langs vi,hi,ta', 'okapi data demo ./demo-data --langs vi --sft 500 --seed 1', 'okapi data demo ./demo-data --langs de --tasks add,sort', 'okapi data demo ./demo-data --langs vi --teacher-echo 0.4'],
  args: [{ name: 'dir', description: 'output folder (sft/, rm/, rm-pairs/, ppo/, eval/ with {lang}.json each)', required: true }],
  options: [
    { flags: '--langs <list>', description: `languages (default: all: ${DEMO_LANGUAGES.join(',')})`, parse: 'list' },
    { flags: '--tasks <list>', description: `demo tasks (default: all: ${DEMO_TASKS.map((t) => t.id).join(',')})`, parse: 'list' },
    { flags: '--sft <n>', description: `SFT records per language (default ${DEFAULT_DEMO_SIZES.sft})`, parse: 'int' },
    { flags: '--rm <n>', description: `RM prompts with 4 ranked candidates each (default ${DEFAULT_DEMO_SIZES.rm})`, parse: 'int' },
    { flags: '--ppo <n>', description: `PPO prompts (default ${DEFAULT_DEMO_SIZES.ppo})`, parse: 'int' },
    { flags: '--eval <n>', description: `held-out prompts (default ${DEFAULT_DEMO_SIZES.eval})`, parse: 'int' },
    { flags: '--teacher-echo <share>', description: 'share of SFT answers an imperfect teacher replaces by the echoed input (default 0; `okapi demo` uses 0.4)', parse: 'float' },
  ],
  needsValidConfig: false,
  async run(context) {
    const { options, out } = context;
    const dir = context.args[0] as string;
    const sizes: DemoSizes = {
      sft: size(options.sft, '--sft', DEFAULT_DEMO_SIZES.sft), rm: size(options.rm, '--rm', DEFAULT_DEMO_SIZES.rm),
      ppo: size(options.ppo, '--ppo', DEFAULT_DEMO_SIZES.ppo), eval: size(options.eval, '--eval', DEFAULT_DEMO_SIZES.eval),
    };
    const tasks = options.tasks as DemoTaskId[] | undefined;
    const data = generateDemoData({ seed: context.scope.config.seed, langs: options.langs as string[] | undefined, sizes, tasks, teacherEcho: options.teacherEcho as number | undefined });
    const files = await writeDemoData(userPath(context, dir), data);
    if (out.jsonMode) { out.json({ dir, sizes, languages: data.map((d) => d.lang), files }); return; }
    out.print(`Wrote ${files.length} files for ${data.length} languages to ${dir} (seed ${context.scope.config.seed}).`);
  },
};
