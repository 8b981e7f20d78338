import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LanguagePack } from '@okapi/core';
import { languagePackConformanceCases } from '@okapi/core/testing';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

// The "add a language" story end to end: scaffold a pack with the CLI, list it in config, and the CLI
// picks it up; the scaffolded pack passes the conformance suite without edits.
describe('okapi init lang-pack → plugin in config → okapi langs', () => {
  let tmp: ReturnType<typeof makeTempDir>;

  beforeEach(() => {
    tmp = makeTempDir('lang-pack-e2e');
    tmp.write('package.json', '{ "name": "user-project" }');
  });

  afterEach(() => tmp.remove());

  it('scaffolds a Swahili pack that config loads and `langs` / `langs show` list', async () => {
    const init = await runCliInProcess(['init', 'lang-pack', 'sw'], tmp.dir);
    expect(init.stderr).not.toMatch(/error/i);
    expect(init.code).toBe(0);
    tmp.write('okapi.config.json', JSON.stringify({ plugins: ['./okapi-lang-sw/index.mjs'], lang: 'sw', prompt: 'native' }));

    const langs = await runCliInProcess(['langs', '--json'], tmp.dir);
    expect(langs.code).toBe(0);
    const rows = JSON.parse(langs.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(33);
    expect(rows).toContainEqual(expect.objectContaining({ code: 'sw', name: 'Swahili', 'native name': 'Kiswahili', script: 'Latn' }));

    const show = await runCliInProcess(['langs', 'show', 'sw'], tmp.dir);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('### Instruction:\nKiswahili\n\n### Response:\n');
  });

  it('scaffolds a pack that passes the conformance suite unchanged', async () => {
    expect((await runCliInProcess(['init', 'lang-pack', 'am'], tmp.dir)).code).toBe(0);
    const url = pathToFileURL(path.join(tmp.dir, 'okapi-lang-am', 'pack.mjs')).href;
    const { pack } = await import(url) as { pack: LanguagePack };
    expect(pack).toMatchObject({ code: 'am', name: 'Amharic', nativeName: 'አማርኛ', scripts: ['Ethi'] });
    const failures = languagePackConformanceCases([pack]).flatMap((c) => {
      try {
        c.run();
        return [];
      } catch (error) {
        return [`${c.title}: ${(error as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it('refuses a code that is already installed, and an invalid tag', async () => {
    const taken = await runCliInProcess(['init', 'lang-pack', 'vi'], tmp.dir);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/A 'vi' pack \(Vietnamese\) is already installed/);
    const invalid = await runCliInProcess(['init', 'lang-pack', 'not a tag'], tmp.dir);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/not a valid BCP-47 language tag/);
  });

  it('answers an unknown language with the installed list and a did-you-mean', async () => {
    const result = await runCliInProcess(['langs', 'show', 'vn'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown language 'vn'\. Did you mean '\w+'\? Installed languages: ar, bn, .*\bvi\b/);
  });

  it("runs the scaffold's own test file with node --test (uses the built @okapi/core)", () => {
    const built = spawnSync(process.execPath, ['-e', "require.resolve('@okapi/core/testing')"], { cwd: tmp.dir });
    if (built.status !== 0) return; // dist not built (tsc -b): covered by the test above
    return runCliInProcess(['init', 'lang-pack', 'sw'], tmp.dir).then(() => {
      const result = spawnSync(process.execPath, ['--test', 'test/'], { cwd: path.join(tmp.dir, 'okapi-lang-sw'), encoding: 'utf8' });
      expect(result.stdout + result.stderr).toMatch(/# pass 6\b/);
      expect(result.status).toBe(0);
    });
  });
});
