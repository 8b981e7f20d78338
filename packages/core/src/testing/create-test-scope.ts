import { container } from 'tsyringe';
import { validateConfig } from '../config/validate-config';
import { ContributionLedger } from '../di/contribution-ledger';
import { RunScope } from '../di/run-scope';
import type { OkapiPlugin } from '../plugin/plugin';
import { MemoryLogger } from '../util/logger';

export interface TestScope {
  readonly scope: RunScope;
  readonly ledger: ContributionLedger;
  readonly logger: MemoryLogger;
  dispose(): Promise<void>;
}

/**
 * A run scope for tests (Stryker's testInjector): a fresh root container (never the global one), the
 * given plugins registered, and the config validated against their sections.
 */
export function createTestScope(options: { plugins?: readonly OkapiPlugin[]; config?: Record<string, unknown> } = {}): TestScope {
  const root = container.createChildContainer();
  const ledger = new ContributionLedger(root);
  for (const plugin of options.plugins ?? []) ledger.registerPlugin(plugin, 'test');
  const bootstrap = new RunScope(root, validateConfig({}, [], 'test').config, new MemoryLogger());
  const sections = bootstrap.contributions('configSection');
  const { config } = validateConfig(options.config ?? {}, sections, 'test config');
  const logger = new MemoryLogger();
  const scope = new RunScope(root, config, logger);
  return {
    scope,
    ledger,
    logger,
    async dispose() {
      await scope.dispose();
      await bootstrap.dispose();
      await root.dispose();
    },
  };
}
