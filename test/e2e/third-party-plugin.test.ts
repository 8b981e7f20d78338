import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

// A plugin written by a user as a plain .mjs file beside their config: loaded by path, its command and
// config section take part like built-ins.
const PLUGIN = `import { definePlugin } from '@okapi/core';
import { z } from 'zod';

export default definePlugin({
  meta: { name: 'greeter', version: '1.2.3' },
  register(r) {
    r.configSection({ key: 'greeter', summary: 'greeting options', schema: z.object({ greeting: z.string().default('hello') }) });
    r.command({
      name: 'greet',
      summary: 'Say hello in the configured language',
      examples: ['okapi greet world'],
      args: [{ name: 'who', description: 'who to greet', required: true }],
      async run({ scope, out, args }) {
        out.print(scope.config.greeter.greeting + ' ' + args[0] + ' (' + scope.config.lang + ')');
      },
    });
  },
});
`;

describe('third-party plugin from a .mjs file', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir('plugin-e2e');
    tmp.write('package.json', '{ "name": "user-project" }');
    tmp.write('plugins/greeter.mjs', PLUGIN);
  });
  afterEach(() => tmp.remove());

  it('contributes a command and a validated config section', async () => {
    tmp.write('okapi.config.mjs', "export default { plugins: ['./plugins/greeter.mjs'], lang: 'de', greeter: { greeting: 'hallo' } };\n");
    const result = await runCliInProcess(['greet', 'Welt'], tmp.dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('hallo Welt (de)\n');
    const info = JSON.parse((await runCliInProcess(['info', '--json'], tmp.dir)).stdout);
    expect(info.plugins).toContainEqual({ name: 'greeter', version: '1.2.3', source: expect.stringMatching(/plugins\/greeter\.mjs$/) });
  });

  it("validates the plugin's section like core keys", async () => {
    tmp.write('okapi.config.mjs', "export default { plugins: ['./plugins/greeter.mjs'], greeter: { greeting: 42, greting: 'x' } };\n");
    const result = await runCliInProcess(['greet', 'Welt'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/greeter\.greeting: expected string, received number 42/);
  });

  it('fails with the missing path when the plugin file is not there', async () => {
    tmp.write('okapi.config.json', JSON.stringify({ plugins: ['./plugins/nope.mjs'] }));
    const result = await runCliInProcess(['info'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Plugin file '\.\/plugins\/nope\.mjs' not found/);
  });
});
