import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess, type CliResult } from '../helpers/run-cli';
import { makeTempDir, repoRoot } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

/**
 * `okapi data …` run in-process with a cwd that is not the process's (as an editor, a test or a
 * programmatic caller runs it): every path the user typed is read and written relative to that cwd.
 */
describe('okapi data resolves paths against the cwd it was given', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  const okapi = async (...argv: string[]): Promise<CliResult> => {
    const result = await runCliInProcess(argv, tmp.dir);
    if (result.code !== 0) throw new Error(`okapi ${argv.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result;
  };
  const lines = (file: string) => readFileSync(path.join(tmp.dir, file), 'utf8').split('\n').filter((l) => l.trim() !== '').length;
  const SFT_RECORDS = 20;

  beforeAll(async () => {
    tmp = makeTempDir('data-cwd');
    expect(path.resolve(tmp.dir)).not.toBe(process.cwd());
    await okapi('data', 'demo', 'demo-data', '--langs', 'vi', '--sft', String(SFT_RECORDS), '--rm', '4', '--ppo', '4', '--eval', '4');
  }, 60_000);
  afterAll(() => tmp?.remove());

  it('data demo writes its folder under the given cwd, not the process cwd', () => {
    expect(existsSync(path.join(tmp.dir, 'demo-data', 'sft', 'vi.json'))).toBe(true);
    expect(existsSync(path.join(process.cwd(), 'demo-data'))).toBe(false);
    expect(existsSync(path.join(repoRoot, 'demo-data'))).toBe(false);
  });

  it('data convert reads and writes relative paths there', async () => {
    await okapi('data', 'convert', 'demo-data/sft/vi.json', 'vi.jsonl', '--to', 'okapi-alpaca');
    expect(lines('vi.jsonl')).toBe(SFT_RECORDS);
  });

  it('data split writes every output there', async () => {
    await okapi('data', 'convert', 'demo-data/sft/vi.json', 'split-in.jsonl', '--to', 'okapi-alpaca');
    await okapi('data', 'split', 'split-in.jsonl', 'train.jsonl', 'val.jsonl', '--fractions', '0.5,0.5');
    expect(lines('train.jsonl') + lines('val.jsonl')).toBe(SFT_RECORDS);
  });

  it('data sample writes there, also from --data-dir', async () => {
    await okapi('data', 'sample', 'demo-data/sft/vi.json', 'small.jsonl', '--size', '5');
    expect(lines('small.jsonl')).toBe(5);
    await okapi('data', 'sample', '--data-dir', 'demo-data/sft', '--lang', 'vi', 'small-dir.jsonl', '--size', '3');
    expect(lines('small-dir.jsonl')).toBe(3);
  });

  it('data stats reads the file and the --tokenizer folder there', async () => {
    await writeTinyLlamaDirectory(path.join(tmp.dir, 'tok'), ['xin chào', 'cộng hai số'], 280);
    const result = await okapi('data', 'stats', 'demo-data/sft/vi.json', '--tokenizer', 'tok', '--json');
    const stats = JSON.parse(result.stdout) as { report: { total: number }; tokens?: { response: { count: number } } };
    expect(stats.report.total).toBe(SFT_RECORDS);
    expect(stats.tokens?.response.count).toBe(SFT_RECORDS);
  }, 30_000);

  it('data validate reads --data-dir and writes --rejected there', async () => {
    await okapi('data', 'validate', '--data-dir', 'demo-data/sft', '--lang', 'vi');
    writeFileSync(path.join(tmp.dir, 'bad.json'), JSON.stringify([{ instruction: 'a', input: '', output: 'b' }, { instruction: 'a', input: 3, output: 'b' }]));
    const result = await runCliInProcess(['data', 'validate', 'bad.json', '--rejected', 'rejected.jsonl'], tmp.dir);
    expect(result.code).toBe(1);
    expect(lines('rejected.jsonl')).toBe(1);
  });
});
