import { container, inject, injectable, type DependencyContainer } from 'tsyringe';
import { validateConfig } from '../config/validate-config';
import { UnknownContributionError } from '../errors/unknown-contribution-error';
import { definePlugin } from '../plugin/plugin';
import { MemoryLogger } from '../util/logger';
import { ContributionLedger } from './contribution-ledger';
import { RunScope } from './run-scope';
import { Config } from './run-tokens';
import { createToken } from './token';

const Counter = createToken<{ count: number }>('Counter');

@injectable()
class UsesConfig {
  constructor(@inject(Config) readonly config: { lang: string }, @inject(Counter) readonly counter: { count: number }) {}
}

describe(RunScope.name, () => {
  let root: DependencyContainer;
  beforeEach(() => {
    root = container.createChildContainer();
    new ContributionLedger(root).registerPlugin(definePlugin({
      meta: { name: 'p', version: '1' },
      register: (r) => ['sft', 'ppo'].forEach((id) => r.trainer({ id, summary: id })),
    }), 'test');
  });
  afterEach(() => root.dispose());

  const scopeFor = (lang: string) => new RunScope(root, validateConfig({ lang }, [], 't').config, new MemoryLogger());

  it('injects its own config and run-scoped values; two runs share no state', async () => {
    const a = scopeFor('vi');
    const b = scopeFor('de');
    a.provide(Counter, { count: 1 });
    b.provide(Counter, { count: 2 });
    a.resolve(Counter).count += 10;
    expect(a.resolve(UsesConfig).config.lang).toBe('vi');
    expect(b.resolve(UsesConfig).config.lang).toBe('de');
    expect(a.resolve(UsesConfig).counter.count).toBe(11);
    expect(b.resolve(UsesConfig).counter.count).toBe(2);
    expect(root.isRegistered(Counter)).toBe(false);
    await a.dispose();
    await b.dispose();
  });

  it('sees the root contributions and finds one by id with a did-you-mean when unknown', async () => {
    const scope = scopeFor('vi');
    expect(scope.contributions('trainer').map((t) => t.id)).toEqual(['sft', 'ppo']);
    expect(scope.contribution('trainer', 'ppo').id).toBe('ppo');
    expect(() => scope.contribution('trainer', 'pop')).toThrow(UnknownContributionError);
    expect(() => scope.contribution('trainer', 'pop')).toThrow("Unknown trainer 'pop'. Did you mean 'ppo'? Installed trainers: sft, ppo.");
    await scope.dispose();
  });

  it('disposes what it resolved when the run ends', async () => {
    const scope = scopeFor('vi');
    const disposed: string[] = [];
    scope.provide(Counter, { count: 0, dispose: () => { disposed.push('counter'); } } as { count: number });
    scope.resolve(Counter);
    await scope.dispose();
    await scope.dispose();
    expect(disposed).toEqual(['counter']);
  });
});
