import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { OkapiConfig } from '../config/core-schema';
import type { Logger } from '../util/logger';
import type { ContributionKind, ContributionKinds } from './contribution-kinds';
import { contributionTokens } from './contributions';
import { findContribution } from './find-contribution';
import { Config, LoggerToken } from './run-tokens';
import { resolveAllTokens } from './token';

/**
 * One run (a CLI invocation or a programmatic run): a child container of the root, holding this
 * run's config and logger as values. Everything resolved here is disposed with the scope.
 */
export class RunScope {
  readonly container: DependencyContainer;
  private disposed = false;

  constructor(root: DependencyContainer, readonly config: OkapiConfig, readonly logger: Logger) {
    this.container = root.createChildContainer();
    this.container.register(Config, { useValue: config });
    this.container.register(LoggerToken, { useValue: logger });
  }

  resolve<T>(token: InjectionToken<T>): T {
    return this.container.resolve<T>(token);
  }

  /** Register a run-scoped value (the chosen backend, language pack, …). */
  provide<T>(token: InjectionToken<T>, value: T): void {
    this.container.register(token, { useValue: value });
  }

  contributions<K extends ContributionKind>(kind: K): ContributionKinds[K][] {
    return resolveAllTokens(this.container, contributionTokens[kind]);
  }

  contribution<K extends ContributionKind>(kind: K, id: string, hint?: string): ContributionKinds[K] {
    return findContribution(kind, this.contributions(kind), id, hint);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.container.dispose();
  }
}
