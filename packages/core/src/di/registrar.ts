import type { ContributionKinds } from './contribution-kinds';

/**
 * The only thing plugins ever see of the container. Each method declares one contribution; nothing is
 * resolved or instantiated here.
 */
export interface PluginRegistrar {
  backend(d: ContributionKinds['backend']): void;
  kernel(d: ContributionKinds['kernel']): void;
  modelFamily(d: ContributionKinds['modelFamily']): void;
  languagePack(p: ContributionKinds['languagePack']): void;
  datasetAdapter(d: ContributionKinds['datasetAdapter']): void;
  rewardModel(d: ContributionKinds['rewardModel']): void;
  trainer(d: ContributionKinds['trainer']): void;
  evalTask(d: ContributionKinds['evalTask']): void;
  command(d: ContributionKinds['command']): void;
  /** A top-level config key owned by the plugin, validated by its schema. */
  configSection(s: ContributionKinds['configSection']): void;
}
