import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { OkapiError } from '../errors/okapi-error';
import { loadPlugin } from './load-plugin';
import { definePlugin, type OkapiPlugin } from './plugin';

describe(loadPlugin.name, () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => { tmp = makeTempDir('load-plugin'); });
  afterEach(() => tmp.remove());

  const builtin = definePlugin({ meta: { name: '@okapi/lang-packs', version: '0.1.0' }, register: () => undefined });
  const builtins = new Map<string, OkapiPlugin>([[builtin.meta.name, builtin]]);

  it('returns a built-in by name without importing anything', async () => {
    await expect(loadPlugin('@okapi/lang-packs', tmp.dir, builtins)).resolves.toEqual({ plugin: builtin, source: 'built-in' });
  });

  it('imports a plain .mjs file relative to the config directory', async () => {
    const file = tmp.write('plugins/my-plugin.mjs', [
      'export default {',
      "  meta: { name: 'my-plugin', version: '0.0.1' },",
      "  register(r) { r.trainer({ id: 'custom', summary: 'custom trainer' }); },",
      '};',
    ].join('\n'));
    const { plugin, source } = await loadPlugin('./plugins/my-plugin.mjs', tmp.dir, builtins);
    expect(plugin.meta).toEqual({ name: 'my-plugin', version: '0.0.1' });
    expect(source).toBe(file);
  });

  it('says where it looked for a missing file', async () => {
    await expect(loadPlugin('./missing.mjs', tmp.dir, builtins)).rejects.toThrow(/Plugin file '\.\/missing\.mjs' not found/);
  });

  it('suggests the closest built-in for an unknown package', async () => {
    const failure = loadPlugin('@okapi/lang-pack', tmp.dir, builtins);
    await expect(failure).rejects.toBeInstanceOf(OkapiError);
    await expect(failure).rejects.toThrow("Plugin '@okapi/lang-pack' is not installed. Did you mean '@okapi/lang-packs'?");
  });

  it('rejects a module that is not a plugin', async () => {
    tmp.write('not-a-plugin.mjs', 'export default { hello: 1 };\n');
    await expect(loadPlugin('./not-a-plugin.mjs', tmp.dir, builtins)).rejects.toThrow(/is not an Okapi.ts plugin/);
  });
});
