import { prepareExampleProject } from '../helpers/example-project';
import { describeFailure, exampleAdjustments as adjustments, exampleOrder, helpExamples, runExample } from '../helpers/help-examples';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * Every `okapi <command> --help` example, pasted as a new user would, in a project prepared the way the
 * examples assume (test/helpers/example-project.ts). The training commands and the demo run in
 * test/slow/cli-help-examples-training.test.ts (minutes of training even at tiny sizes); here the
 * demo's models stand in at the paths `okapi demo` writes. Examples run in `exampleOrder.quick`, so a
 * later one may use what an earlier one wrote (as `okapi data demo ./demo-data` writes ./demo-data).
 * Examples that cannot run exactly as written are adjusted as `exampleAdjustments` lists, with the reason.
 */
describe('every --help example works when pasted', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  // pasted in a shell in the project folder: main() gets it as its cwd; the process's cwd stays where jest runs
  beforeAll(async () => {
    tmp = makeTempDir('help-examples');
    await prepareExampleProject(tmp.dir, { standInModels: true });
  }, 60_000);
  afterAll(() => tmp?.remove());
  const examples = helpExamples();

  it('places every command in this test or the slow one', () => {
    expect([...new Set(examples.map((e) => e.command))].sort()).toEqual([...exampleOrder.quick, ...exampleOrder.training].sort());
  });

  it.each(exampleOrder.quick)('okapi %s', async (command) => {
    for (const example of examples.filter((e) => e.command === command)) {
      const result = await runExample(example, tmp.dir, adjustments[example.line]);
      if (result.code !== 0) throw new Error(describeFailure(example, result));
      if (example.redirect !== undefined) expect(result.stdout.length).toBeGreaterThan(100);
    }
  }, 60_000);

  it('lists no adjustment for an example that no longer exists', () => {
    expect(Object.keys(adjustments).filter((line) => !examples.some((e) => e.line === line))).toEqual([]);
  });
});
