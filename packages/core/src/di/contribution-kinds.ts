import type { BackendDescriptor } from '../backend/backend-descriptor';
import type { KernelDescriptor } from '../backend/kernel-descriptor';
import type { CommandDescriptor } from '../commands/command-descriptor';
import type { ConfigSection } from '../config/config-section';
import type { DatasetAdapter } from '../data/dataset-adapter';
import type { EvalTaskDescriptor } from '../eval/eval-task';
import type { LanguagePack } from '../lang/language-pack';
import type { ModelFamilyDescriptor } from '../models/model-family';
import type { RewardModelDescriptor } from '../reward/reward-model';
import type { TrainerDescriptor } from '../trainers/trainer';

/**
 * Every extension point, with the descriptor type it takes. The registrar, the contribution tokens and
 * the registries are all derived from this one table, so adding a kind is one line here.
 */
export interface ContributionKinds {
  backend: BackendDescriptor;
  kernel: KernelDescriptor;
  modelFamily: ModelFamilyDescriptor;
  languagePack: LanguagePack;
  datasetAdapter: DatasetAdapter;
  rewardModel: RewardModelDescriptor;
  trainer: TrainerDescriptor;
  evalTask: EvalTaskDescriptor;
  command: CommandDescriptor;
  configSection: ConfigSection;
}

export type ContributionKind = keyof ContributionKinds;

/** Human names used in messages ("Unknown backend 'onx'"). */
export const contributionLabels: Readonly<Record<ContributionKind, string>> = {
  backend: 'backend',
  kernel: 'kernel',
  modelFamily: 'model family',
  languagePack: 'language pack',
  datasetAdapter: 'dataset adapter',
  rewardModel: 'reward model',
  trainer: 'trainer',
  evalTask: 'eval task',
  command: 'command',
  configSection: 'config section',
};

/** The id that must be unique among contributions of one kind. */
export function contributionId<K extends ContributionKind>(kind: K, value: ContributionKinds[K]): string {
  switch (kind) {
    case 'languagePack':
      return (value as LanguagePack).code;
    case 'kernel': {
      const k = value as KernelDescriptor;
      return `${k.backend}/${k.op}`;
    }
    case 'command':
      return (value as CommandDescriptor).name;
    case 'configSection':
      return (value as ConfigSection).key;
    default:
      return (value as { id: string }).id;
  }
}
