import { RewardFactory } from '@okapi/core';
import { compose } from '../../packages/cli/src/composition-root';
import { builtinPlugins } from '../../packages/cli/src/builtin-plugins';
import { RunScope, validateConfig, resolveAllTokens, ConfigSectionContribution, MemoryLogger } from '@okapi/core';
import { makeTempDir } from '../helpers/temp-dir';

// The example from docs/custom-reward-model.md, loaded from a .mjs file named in the config.
const PLUGIN = `import { definePlugin } from '@okapi/core';
import { z } from 'zod';

export default definePlugin({
  meta: { name: 'keyword-reward', version: '1.0.0' },
  register(r) {
    r.rewardModel({
      id: 'keyword',
      summary: 'Rewards responses containing a keyword',
      optionsSchema: z.object({ keyword: z.string(), bonus: z.number().default(1) }),
      create: (options) => ({
        id: 'keyword',
        async score(_prompts, responses) {
          return responses.map((r) => (r.toLowerCase().includes(options.keyword.toLowerCase()) ? options.bonus : 0));
        },
      }),
    });
  },
});
`;

describe('a reward model plugin from a .mjs file', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir('reward-plugin');
    tmp.write('package.json', '{ "name": "user-project" }');
    tmp.write('keyword-reward.mjs', PLUGIN);
    tmp.write('okapi.config.json', JSON.stringify({ plugins: ['./keyword-reward.mjs'] }));
  });
  afterEach(() => tmp.remove());

  async function scope() {
    const composition = await compose({ cwd: tmp.dir, builtins: builtinPlugins() });
    const { config } = validateConfig(composition.raw.values, resolveAllTokens(composition.root, ConfigSectionContribution), 'test');
    return new RunScope(composition.root, config, new MemoryLogger());
  }

  it('is composed with built-in rewards as the docs show', async () => {
    const s = await scope();
    const reward = await s.resolve(RewardFactory).create({
      id: 'composite',
      options: { components: [
        { reward: { id: 'length', options: { max: 3, unit: 'words', coef: 1 } }, weight: 1 },
        { reward: { id: 'keyword', options: { keyword: 'okapi' } }, weight: 0.5 },
      ] },
    });
    expect(await reward.score(['q', 'q'], ['I like Okapi', 'one two three four five'], { lang: 'en' })).toEqual([0.5, -2]);
    await s.dispose();
  });

  it('validates its options and suggests its id', async () => {
    const s = await scope();
    await expect(s.resolve(RewardFactory).create({ id: 'keyword', options: {} })).rejects.toThrow(/reward\.options\.keyword/);
    await expect(s.resolve(RewardFactory).create('keywrod')).rejects.toThrow("Did you mean 'keyword'?");
    await s.dispose();
  });
});
