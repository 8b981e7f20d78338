import { definePlugin } from '../plugin/plugin';
import { createTestScope, type TestScope } from '../testing/create-test-scope';
import { ConfigValidationError } from '../config/config-errors';
import { OkapiError } from '../errors/okapi-error';
import { UnknownContributionError } from '../errors/unknown-contribution-error';
import { registerRewardContributions } from './register-rewards';
import { RewardFactory } from './reward-factory';

const rewards = definePlugin({ meta: { name: 'rewards', version: '1' }, register: registerRewardContributions });
const fakeLanguages = definePlugin({
  meta: { name: 'langs', version: '1' },
  register(r) {
    r.languagePack({ code: 'vi', name: 'Vietnamese', nativeName: 'Tiếng Việt', scripts: ['Latn'], okapiModels: [], evalTasks: [], samples: ['Xin chào, bạn khỏe không? Tôi rất vui được gặp bạn hôm nay.'], prompt: { preambleWithInput: 'a', preambleWithoutInput: 'b', instruction: 'c', input: 'd', response: 'e' } });
    r.languagePack({ code: 'ru', name: 'Russian', nativeName: 'Русский', scripts: ['Cyrl'], okapiModels: [], evalTasks: [], samples: ['Привет, как дела? Я очень рад тебя видеть сегодня.'], prompt: { preambleWithInput: 'a', preambleWithoutInput: 'b', instruction: 'c', input: 'd', response: 'e' } });
  },
});

describe(RewardFactory.name, () => {
  let t: TestScope;
  beforeEach(() => { t = createTestScope({ plugins: [rewards, fakeLanguages] }); });
  afterEach(() => t.dispose());
  const factory = () => t.scope.resolve(RewardFactory);

  it('verifier: exact answer after trimming, configurable rewards, missing references', async () => {
    const sut = await factory().create({ id: 'verifier', options: { correct: 2, wrong: -1 } });
    const scores = await sut.score(['p', 'p', 'p'], [' 42 ', '41', 'x'], { lang: 'vi', references: [{ answer: '42' }, { answer: '42' }, undefined] });
    expect(scores).toEqual([2, -1, 0]);
  });

  it('verifier: checks built-in demo tasks from the instruction and input alone', async () => {
    const { generateDemoData } = await import('../data/demo/generate-demo-data');
    const [record] = generateDemoData({ seed: 1, langs: ['vi'], sizes: { sft: 1, rm: 0, ppo: 0, eval: 0 } })[0]!.sft;
    const sut = await factory().create('verifier');
    const reference = { instruction: record!.instruction, input: record!.input };
    expect(await sut.score(['p', 'p'], [record!.output, `${record!.output}x`], { lang: 'vi', references: [reference, reference] }))
      .toEqual([1, expect.any(Number)]);
    expect((await sut.score(['p'], [`${record!.output}x`], { lang: 'vi', references: [reference] }))[0]).toBeLessThan(1);
  });

  it('length: zero inside the range, linear penalty outside', async () => {
    const sut = await factory().create({ id: 'length', options: { unit: 'words', min: 2, max: 3, coef: 0.5 } });
    expect(await sut.score(['', '', ''], ['one', 'one two', 'a b c d e'], { lang: 'vi' })).toEqual([-0.5, -0, -1]);
  });

  it('language fidelity: high for the target language, low for another script', async () => {
    const sut = await factory().create('language-fidelity');
    const [vi, ru] = await sut.score(['', ''], ['Tôi rất vui được gặp bạn.', 'Я очень рад тебя видеть.'], { lang: 'vi' });
    expect(vi).toBeGreaterThan(0.9);
    expect(ru).toBeLessThan(0.1);
  });

  it('composite: weighted sum of its components', async () => {
    const sut = await factory().create({
      id: 'composite',
      options: { components: [{ reward: 'verifier', weight: 2 }, { reward: { id: 'length', options: { max: 1, coef: 1 } }, weight: 0.5 }] },
    });
    const scores = await sut.score(['p'], ['4 2'], { lang: 'vi', references: [{ answer: '4 2' }] });
    expect(scores).toEqual([2 * 1 + 0.5 * -1]);
  });

  it('reports bad options with their config path, and unknown ids with a suggestion', async () => {
    await expect(factory().create({ id: 'length', options: { coef: 'big' } })).rejects.toBeInstanceOf(ConfigValidationError);
    await expect(factory().create({ id: 'length', options: { coef: 'big' } })).rejects.toThrow(/reward\.options\.coef/);
    await expect(factory().create({ id: 'length', options: { coef: 'big' } })).rejects.toThrow('  - reward.options.coef: expected number, received string "big"');
    await expect(factory().create({ id: 'composite', options: { components: [{ reward: 'lenght' }] } })).rejects.toThrow(UnknownContributionError);
    await expect(factory().create('verfier')).rejects.toThrow("Did you mean 'verifier'?");
  });

  it('says which required option a reward lacks, what it is and how to give it (not zod\'s raw message)', async () => {
    const error = await factory().create('learned', 'ppo.reward').catch((e: unknown) => e) as OkapiError;
    expect(error).toBeInstanceOf(OkapiError);
    expect(error.message).toMatch(/^ppo\.reward\.options\.model is not set: the 'learned' reward needs it\.\n {2}ppo\.reward\.options\.model: Reward-model directory written by `okapi rm`/);
    expect(error.message).not.toMatch(/expected|undefined/);
    expect(error.hint).toContain("ppo.reward: { id: 'learned', options: { model: … } }");
    expect(error.hint).toContain('--reward verifier');
  });
});
