import { container } from 'tsyringe';
import { CommandContribution, ConfigSectionContribution, ContributionLedger, resolveAllTokens } from '@okapi/core';
import { builtinPlugins } from '../builtin-plugins';
import { renderCliDocs } from './render-cli-docs';
import { renderConfigDocs } from './render-config-docs';

/** The generated docs for the built-in plugins, by path relative to the repository root. */
export function generatedDocs(): Record<string, string> {
  const root = container.createChildContainer();
  const ledger = new ContributionLedger(root);
  for (const plugin of builtinPlugins().values()) ledger.registerPlugin(plugin, 'built-in');
  return {
    'docs/cli.md': renderCliDocs(resolveAllTokens(root, CommandContribution)),
    'docs/config.md': renderConfigDocs(resolveAllTokens(root, ConfigSectionContribution)),
  };
}
