import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoModelStandIns, exampleProjectConfig, prepareExampleProject } from '../helpers/example-project';
import { describeFailure, exampleAdjustments, exampleOrder, helpExamples, runExample, type HelpExample } from '../helpers/help-examples';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * Slow (npm run test:slow; a few minutes: six demos' and a dozen training runs' graphs to compile even
 * at tiny sizes): the `--help` examples of the demo and the training commands, pasted in the order a
 * user follows them — `okapi data demo ./demo-data …`, then `okapi demo` (runs/demo-vi/base, the
 * demo's models), then SFT on them, RM / DPO / PPO on the SFT model, then the pipeline. Sizes the
 * examples leave to Okapi's defaults (hours) come from the project's config (exampleProjectConfig).
 */
describe('every training --help example works when pasted', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  const examples = helpExamples();
  const run = async (example: HelpExample, cwd: string) => {
    const result = await runExample(example, cwd, exampleAdjustments[example.line]);
    if (result.code !== 0) throw new Error(describeFailure(example, result));
  };
  // `okapi pipeline` reads every stage's model and data from the config, as its --help says; a
  // project of its own keeps those keys from filling in what the stage commands' examples must pass
  const pipelineProject = () => {
    const dir = path.join(tmp.dir, 'pipeline-project');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'okapi.config.json'), JSON.stringify({
      ...exampleProjectConfig,
      sft: { ...exampleProjectConfig.sft, model: '../runs/demo-vi/base', data: '../demo-data/sft' },
      rm: { ...exampleProjectConfig.rm, data: '../demo-data/rm' },
      ppo: { ...exampleProjectConfig.ppo, data: '../demo-data/ppo' },
      dpo: { ...exampleProjectConfig.dpo, data: '../demo-data/rm' },
    }));
    return dir;
  };
  beforeAll(async () => {
    tmp = makeTempDir('help-examples-training');
    await prepareExampleProject(tmp.dir, { standInModels: false });
    await run(examples.find((e) => e.command === 'data demo')!, tmp.dir); // the documented step that writes ./demo-data
  }, 120_000);
  afterAll(() => tmp?.remove());

  it.each(exampleOrder.training)('okapi %s', async (command) => {
    const cwd = command === 'pipeline' ? pipelineProject() : tmp.dir;
    for (const example of examples.filter((e) => e.command === command)) await run(example, cwd);
    if (command !== 'demo') return;
    // the quick test's stand-ins are at the paths the demo really writes, and its examples work on the real models
    expect(demoModelStandIns.filter((dir) => !existsSync(path.join(tmp.dir, dir, 'config.json')))).toEqual([]);
    const quick: readonly string[] = exampleOrder.quick;
    const onDemoModels = examples.filter((e) => quick.includes(e.command) && e.argv.some((w) => w.startsWith('runs/demo-')));
    expect(onDemoModels.map((e) => e.command)).toEqual(expect.arrayContaining(['generate', 'chat', 'export', 'eval']));
    for (const example of onDemoModels) await run(example, tmp.dir);
  }, 600_000);
});
