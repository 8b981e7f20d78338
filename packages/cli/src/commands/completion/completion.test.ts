import { spawnSync } from 'node:child_process';
import { runCliInProcess } from '../../../../../test/helpers/run-cli';
import { makeTempDir } from '../../../../../test/helpers/temp-dir';

describe('okapi completion', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => { tmp = makeTempDir('completion'); });
  afterAll(() => tmp.remove());

  const complete = (script: string, words: string[]): string[] => {
    const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _okapi_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return spawnSync('bash', ['-c', program], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  };

  it('completes command names, then the flags of the typed command, in real bash', async () => {
    const { code, stdout } = await runCliInProcess(['completion', 'bash'], tmp.dir);
    expect(code).toBe(0);
    expect(complete(stdout, ['okapi', 'in'])).toEqual(['info', 'init']);
    expect(complete(stdout, ['okapi', 'doctor', '--mod'])).toEqual(['--model-size']);
    expect(complete(stdout, ['okapi', 'info', '--dev'])).toEqual(['--device']);
  });

  it('rejects an unknown shell with exit code 2', async () => {
    const result = await runCliInProcess(['completion', 'fish'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unsupported shell 'fish'");
  });
});
