import type { ContributionKind, ContributionKinds } from './contribution-kinds';
import { createToken, type Token } from './token';

/** Multi-registered extension points (Theia-style): one token per kind of contribution. */
export const contributionTokens: { readonly [K in ContributionKind]: Token<ContributionKinds[K]> } = {
  backend: createToken('BackendContribution'),
  kernel: createToken('KernelContribution'),
  modelFamily: createToken('ModelFamilyContribution'),
  languagePack: createToken('LanguagePackContribution'),
  datasetAdapter: createToken('DatasetAdapterContribution'),
  rewardModel: createToken('RewardModelContribution'),
  trainer: createToken('TrainerContribution'),
  evalTask: createToken('EvalTaskContribution'),
  command: createToken('CommandContribution'),
  configSection: createToken('ConfigSectionContribution'),
};

export const BackendContribution = contributionTokens.backend;
export const KernelContribution = contributionTokens.kernel;
export const ModelFamilyContribution = contributionTokens.modelFamily;
export const LanguagePackContribution = contributionTokens.languagePack;
export const DatasetAdapterContribution = contributionTokens.datasetAdapter;
export const RewardModelContribution = contributionTokens.rewardModel;
export const TrainerContribution = contributionTokens.trainer;
export const EvalTaskContribution = contributionTokens.evalTask;
export const CommandContribution = contributionTokens.command;
export const ConfigSectionContribution = contributionTokens.configSection;
