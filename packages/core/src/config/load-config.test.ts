import path from 'node:path';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { OkapiError } from '../errors/okapi-error';
import { loadConfigFile } from './load-config';

describe(loadConfigFile.name, () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir('load-config');
    tmp.write('package.json', JSON.stringify({ name: 'user-project', private: true }));
  });
  afterEach(() => tmp.remove());

  const kinds: [string, string][] = [
    ['okapi.config.ts', "import { defineConfig } from '@okapi/core';\nconst lang: string = 'de';\nexport default defineConfig({ lang });\n"],
    ['okapi.config.mjs', "export default { lang: 'de' };\n"],
    ['okapi.config.js', "module.exports = { lang: 'de' };\n"],
    ['okapi.config.json', '{ "lang": "de" }'],
    ['okapi.config.yaml', 'lang: de\n'],
    ['.okapirc', '{ "lang": "de" }'],
    ['.okapirc.json', '{ "lang": "de" }'],
    ['.okapirc.yml', 'lang: de\n'],
  ];

  it.each(kinds)('finds and reads %s', async (file, text) => {
    const written = tmp.write(file, text);
    await expect(loadConfigFile({ cwd: tmp.dir })).resolves.toEqual({ values: { lang: 'de' }, filepath: written });
  });

  it('reads the "okapi" key of package.json', async () => {
    const written = tmp.write('package.json', JSON.stringify({ name: 'p', okapi: { lang: 'fr' } }));
    await expect(loadConfigFile({ cwd: tmp.dir })).resolves.toEqual({ values: { lang: 'fr' }, filepath: written });
  });

  it('searches from a subdirectory up to the project root', async () => {
    const written = tmp.write('okapi.config.json', '{ "seed": 5 }');
    const sub = path.dirname(tmp.write('src/deep/er/.keep', ''));
    await expect(loadConfigFile({ cwd: sub })).resolves.toEqual({ values: { seed: 5 }, filepath: written });
  });

  it('returns no file (defaults) when there is none up to the project root', async () => {
    await expect(loadConfigFile({ cwd: tmp.dir })).resolves.toEqual({ values: {}, filepath: undefined });
  });

  it('loads an explicit --config path and fails clearly when it is missing', async () => {
    tmp.write('custom/cfg.yaml', 'seed: 9\n');
    await expect(loadConfigFile({ cwd: tmp.dir, explicitPath: 'custom/cfg.yaml' })).resolves.toMatchObject({ values: { seed: 9 } });
    await expect(loadConfigFile({ cwd: tmp.dir, explicitPath: 'nope.json' })).rejects.toThrow(/'nope.json' does not exist/);
  });

  it('reports a syntax error as a user error naming the file', async () => {
    tmp.write('okapi.config.json', '{ "lang": ');
    const failure = loadConfigFile({ cwd: tmp.dir });
    await expect(failure).rejects.toBeInstanceOf(OkapiError);
    await expect(failure).rejects.toThrow(/okapi\.config\.json/);
  });

  it('rejects a config that is not an object', async () => {
    tmp.write('okapi.config.json', '[1, 2]');
    await expect(loadConfigFile({ cwd: tmp.dir })).rejects.toThrow(/must export an object; it exports an array/);
  });
});
