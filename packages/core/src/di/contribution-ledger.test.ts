import { container, type DependencyContainer } from 'tsyringe';
import { DuplicateContributionError } from '../errors/unknown-contribution-error';
import { definePlugin } from '../plugin/plugin';
import { ContributionLedger } from './contribution-ledger';
import { LanguagePackContribution, TrainerContribution } from './contributions';
import { resolveAllTokens } from './token';

const trainerPlugin = (name: string, id: string) => definePlugin({
  meta: { name, version: '1.0.0' },
  register: (r) => r.trainer({ id, summary: `${id} trainer` }),
});

describe(ContributionLedger.name, () => {
  let root: DependencyContainer;
  beforeEach(() => { root = container.createChildContainer(); });
  afterEach(() => root.dispose());

  it('registers every contribution of a plugin under its kind token', () => {
    const sut = new ContributionLedger(root);
    sut.registerPlugin(definePlugin({
      meta: { name: 'p', version: '1.0.0' },
      register(r) {
        r.trainer({ id: 'sft', summary: 'sft' });
        r.languagePack({ code: 'vi', name: 'Vietnamese' });
        r.languagePack({ code: 'de', name: 'German' });
      },
    }), 'test');
    expect(resolveAllTokens(root, TrainerContribution).map((t) => t.id)).toEqual(['sft']);
    expect(resolveAllTokens(root, LanguagePackContribution).map((l) => l.code)).toEqual(['vi', 'de']);
    expect(sut.plugins).toEqual([{ name: 'p', version: '1.0.0', source: 'test' }]);
  });

  it('rejects a duplicate id from a second plugin, naming both plugins', () => {
    const sut = new ContributionLedger(root);
    sut.registerPlugin(trainerPlugin('first-plugin', 'ppo'), 'test');
    expect(() => sut.registerPlugin(trainerPlugin('second-plugin', 'ppo'), 'test')).toThrow(DuplicateContributionError);
    expect(() => sut.registerPlugin(trainerPlugin('third-plugin', 'ppo'), 'test'))
      .toThrow("Plugins 'first-plugin' and 'third-plugin' both contribute a trainer with id 'ppo'.");
  });

  it('allows the same id for different kinds, and skips a plugin registered twice', () => {
    const sut = new ContributionLedger(root);
    const plugin = definePlugin({
      meta: { name: 'p', version: '1' },
      register(r) {
        r.trainer({ id: 'x', summary: '' });
        r.rewardModel({ id: 'x', summary: '' });
      },
    });
    sut.registerPlugin(plugin, 'a');
    sut.registerPlugin(plugin, 'b');
    expect(resolveAllTokens(root, TrainerContribution)).toHaveLength(1);
    expect(sut.plugins).toHaveLength(1);
  });

  it('keeps two roots independent: nothing registered on the global container', () => {
    const other = container.createChildContainer();
    new ContributionLedger(root).registerPlugin(trainerPlugin('p', 'sft'), 'test');
    expect(resolveAllTokens(other, TrainerContribution)).toEqual([]);
    expect(resolveAllTokens(container, TrainerContribution)).toEqual([]);
  });
});
