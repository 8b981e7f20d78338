import type { DependencyContainer } from 'tsyringe';
import { DuplicateContributionError } from '../errors/unknown-contribution-error';
import type { OkapiPlugin } from '../plugin/plugin';
import { contributionId, contributionLabels, type ContributionKind, type ContributionKinds } from './contribution-kinds';
import { contributionTokens } from './contributions';
import type { PluginRegistrar } from './registrar';

/** A plugin that has been registered, with where it came from (for `okapi info`). */
export interface LoadedPlugin {
  readonly name: string;
  readonly version: string;
  /** 'built-in', a package name, or the file path it was imported from. */
  readonly source: string;
}

/**
 * Registers plugins' contributions into one container and remembers which plugin owns which id, so a
 * duplicate id from a second plugin is an error naming both.
 */
export class ContributionLedger {
  private readonly owners = new Map<string, string>();
  private readonly loaded: LoadedPlugin[] = [];

  constructor(private readonly container: DependencyContainer) {}

  get plugins(): readonly LoadedPlugin[] {
    return this.loaded;
  }

  /** Calls `plugin.register`; a plugin already registered under the same name is skipped. */
  registerPlugin(plugin: OkapiPlugin, source: string): void {
    if (this.loaded.some((p) => p.name === plugin.meta.name)) return;
    plugin.register(this.registrarFor(plugin.meta.name));
    this.loaded.push({ ...plugin.meta, source });
  }

  private registrarFor(pluginName: string): PluginRegistrar {
    const add = <K extends ContributionKind>(kind: K) => (value: ContributionKinds[K]): void => {
      this.add(kind, value, pluginName);
    };
    return {
      backend: add('backend'),
      kernel: add('kernel'),
      modelFamily: add('modelFamily'),
      languagePack: add('languagePack'),
      datasetAdapter: add('datasetAdapter'),
      rewardModel: add('rewardModel'),
      trainer: add('trainer'),
      evalTask: add('evalTask'),
      command: add('command'),
      configSection: add('configSection'),
    };
  }

  private add<K extends ContributionKind>(kind: K, value: ContributionKinds[K], pluginName: string): void {
    const id = contributionId(kind, value);
    const key = `${kind}\u0000${id}`;
    const owner = this.owners.get(key);
    if (owner !== undefined) throw new DuplicateContributionError(contributionLabels[kind], id, owner, pluginName);
    this.owners.set(key, pluginName);
    this.container.register(contributionTokens[kind], { useValue: value });
  }
}
