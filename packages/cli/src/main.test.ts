import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../../../test/helpers/run-cli';
import { makeTempDir } from '../../../test/helpers/temp-dir';

describe('main', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir('cli-main');
    tmp.write('package.json', '{ "name": "user-project" }');
  });
  afterEach(() => tmp.remove());

  it('resolves config from the file with flags on top, unset flags leaving file values alone', async () => {
    tmp.write('okapi.config.json', JSON.stringify({ lang: 'de', seed: 4, backend: { name: 'auto', device: 'cpu', threads: 2 } }));
    const result = await runCliInProcess(['info', '--json', '--seed', '9'], tmp.dir);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info.configFile).toBe(path.join(tmp.dir, 'okapi.config.json'));
    expect(info.config).toMatchObject({ lang: 'de', seed: 9, backend: { threads: 2 } });
  });

  it('exits 2 with every problem listed for an invalid config, and no stack trace', async () => {
    tmp.write('okapi.config.json', JSON.stringify({ seed: 'x', prompt: 'fancy' }));
    const result = await runCliInProcess(['info'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/seed: expected number, received string "x"/);
    expect(result.stderr).toMatch(/prompt: expected one of "okapi", "native"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the stack of a user error only with --debug', async () => {
    tmp.write('okapi.config.json', JSON.stringify({ seed: 'x' }));
    const result = await runCliInProcess(['info', '--debug'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it('warns about unknown keys with a did-you-mean and still runs', async () => {
    tmp.write('okapi.config.json', JSON.stringify({ langg: 'de' }));
    const result = await runCliInProcess(['info', '--json'], tmp.dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Unknown config key 'langg'; it is ignored. Did you mean 'lang'?");
  });

  it('names an unknown plugin with a did-you-mean and exits 2', async () => {
    tmp.write('okapi.config.json', JSON.stringify({ plugins: ['@okapi/cl'] }));
    const result = await runCliInProcess(['info'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Plugin '@okapi/cl' is not installed. Did you mean '@okapi/cli'?");
  });

  it('treats bad flags and unknown commands as usage errors (exit 2)', async () => {
    expect((await runCliInProcess(['info', '--seed', 'abc'], tmp.dir)).code).toBe(2);
    const unknown = await runCliInProcess(['inof'], tmp.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Did you mean info\?/);
  });

  it('writes a commented okapi.config.ts with init, which info then reads', async () => {
    const init = await runCliInProcess(['init'], tmp.dir);
    expect(init.code).toBe(0);
    const written = readFileSync(path.join(tmp.dir, 'okapi.config.ts'), 'utf8');
    expect(written).toContain("import { defineConfig } from '@okapi/core';");
    expect(written).toMatch(/^\s+\/\/ /m);
    const info = JSON.parse((await runCliInProcess(['info', '--json'], tmp.dir)).stdout);
    expect(info.configFile).toBe(path.join(tmp.dir, 'okapi.config.ts'));
    expect(info.config).toMatchObject({ lang: 'vi', prompt: 'okapi', backend: { name: 'auto', device: 'cpu' } });
    const again = await runCliInProcess(['init'], tmp.dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});
