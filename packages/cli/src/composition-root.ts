import path from 'node:path';
import { container, type DependencyContainer } from 'tsyringe';
import {
  ContributionLedger, loadConfigFile, loadPlugin, type OkapiPlugin, type RawConfig,
} from '@okapi/core';

export interface Composition {
  readonly root: DependencyContainer;
  readonly ledger: ContributionLedger;
  readonly raw: RawConfig;
  readonly cwd: string;
}

/**
 * The composition root: reads the config file, registers the built-in plugins and every plugin the
 * config names into a fresh root container (a child of tsyringe's global one, which is never touched).
 */
export async function compose(options: {
  cwd: string;
  configPath?: string;
  builtins: ReadonlyMap<string, OkapiPlugin>;
}): Promise<Composition> {
  const raw = await loadConfigFile({ cwd: options.cwd, explicitPath: options.configPath });
  const root = container.createChildContainer();
  const ledger = new ContributionLedger(root);
  for (const plugin of options.builtins.values()) ledger.registerPlugin(plugin, 'built-in');
  const baseDir = raw.filepath !== undefined ? path.dirname(raw.filepath) : options.cwd;
  const named = Array.isArray(raw.values.plugins) ? raw.values.plugins.filter((p): p is string => typeof p === 'string') : [];
  for (const spec of named) {
    const { plugin, source } = await loadPlugin(spec, baseDir, options.builtins);
    ledger.registerPlugin(plugin, source);
  }
  return { root, ledger, raw, cwd: options.cwd };
}
