import type { ZodType } from 'zod';
import type { TensorBackend } from '../backend/tensor-backend';
import type { LanguageRegistry } from '../lang/language-registry';
import type { FamilyRegistry } from '../models/family-registry';
import type { Logger } from '../util/logger';

/** What a reward model knows about the batch besides the texts. */
export interface RewardContext {
  /** Target language code of the run. */
  readonly lang: string;
  /**
   * Per-sample data the dataset attached (same length as the batch when present), e.g. the expected
   * answer of a verifiable task: `{ answer: '42' }` or `{ task: 'add', input: '3 + 4' }`.
   */
  readonly references?: readonly (Readonly<Record<string, unknown>> | undefined)[];
  readonly signal?: AbortSignal;
}

/** A source of scalar rewards for (prompt, response) pairs, scored in batches. */
export interface RewardModel {
  readonly id: string;
  score(prompts: readonly string[], responses: readonly string[], context: RewardContext): Promise<number[]>;
  dispose?(): Promise<void> | void;
}

/** How a reward is named in config: an id, or an id with options. */
export type RewardSpec = string | { readonly id: string; readonly options?: unknown };

/** What a reward's factory may use; composite rewards build their parts through `create`. */
export interface RewardServices {
  readonly languages: LanguageRegistry;
  readonly logger: Logger;
  /** The run's tensor backend, when one is active (model-based rewards such as 'learned' need it). */
  readonly backend?: TensorBackend;
  readonly families: FamilyRegistry;
  /** A user-given path, relative to where the command was run. */
  resolvePath(p: string): string;
  create(spec: RewardSpec, path: string): Promise<RewardModel>;
}

/** A reward model contribution: its options schema and a factory. */
export interface RewardModelDescriptor<Options = unknown> {
  readonly id: string;
  readonly summary: string;
  /** Validates `options` (errors are reported at `reward.options…`). */
  readonly optionsSchema: ZodType<Options>;
  create(options: Options, services: RewardServices): RewardModel | Promise<RewardModel>;
}
