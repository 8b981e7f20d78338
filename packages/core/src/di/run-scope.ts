import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { OkapiConfig } from '../config/core-schema';
import type { Logger } from '../util/logger';
import type { ContributionKind, ContributionKinds } from './contribution-kinds';
import { contributionTokens } from './contributions';
import { findContribution } from './find-contribution';
import { Config, LoggerToken } from './run-tokens';
import { resolveAllTokens, type Token } from './token';

/**
 * One run (a CLI invocation or a programmatic run): a child container of the root, holding this
 * run's config and logger as values. Everything resolved here is disposed with the scope.
 */
export class RunScope {
  readonly container: DependencyContainer;
  private disposed = false;
  private readonly owned: Disposable[] = [];

  constructor(root: DependencyContainer, readonly config: OkapiConfig, readonly logger: Logger) {
    this.container = root.createChildContainer();
    this.container.register(Config, { useValue: config });
    this.container.register(LoggerToken, { useValue: logger });
  }

  resolve<T>(token: Token<T>): T;
  resolve<T>(token: InjectionToken<T>): T;
  resolve<T>(token: InjectionToken<T>): T {
    return this.container.resolve<T>(token);
  }

  /**
   * Register a run-scoped value (the chosen backend, language pack, …). The scope owns it: a value with
   * `dispose()` is disposed when the run ends, in reverse order of provision.
   */
  provide<T>(token: InjectionToken<T>, value: T): void {
    this.container.register(token, { useValue: value });
    if (isDisposable(value)) this.owned.push(value);
  }

  contributions<K extends ContributionKind>(kind: K): ContributionKinds[K][] {
    return resolveAllTokens(this.container, contributionTokens[kind]);
  }

  contribution<K extends ContributionKind>(kind: K, id: string, hint?: string): ContributionKinds[K] {
    return findContribution(kind, this.contributions(kind), id, hint);
  }

  /**
   * A scope for one language of a multi-language run: same contributions and run-scoped values, the
   * config with `lang` replaced. Dispose it after that language.
   */
  forLanguage(lang: string): RunScope {
    return new RunScope(this.container, Object.freeze({ ...this.config, lang }), this.logger);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const value of this.owned.reverse()) await value.dispose();
    await this.container.dispose();
  }
}

interface Disposable {
  dispose(): unknown;
}

function isDisposable(value: unknown): value is Disposable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Disposable>).dispose === 'function';
}
