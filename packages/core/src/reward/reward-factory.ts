import { inject, injectAll, injectable } from 'tsyringe';
import type { ZodType, z } from 'zod';
import { ConfigValidationError } from '../config/config-errors';
import { configProblemOf, isMissingValue } from '../config/zod-issue';
import { OkapiError } from '../errors/okapi-error';
import { RewardModelContribution } from '../di/contributions';
import { findContribution } from '../di/find-contribution';
import { resolve } from 'node:path';
import type { TensorBackend } from '../backend/tensor-backend';
import { ActiveBackend, LoggerToken, RunOriginToken, type RunOrigin } from '../di/run-tokens';
import { FamilyRegistry } from '../models/family-registry';
import { LanguageRegistry } from '../lang/language-registry';
import type { Logger } from '../util/logger';
import type { RewardModel, RewardModelDescriptor, RewardServices, RewardSpec } from './reward-model';

/** Builds reward models from config specs, validating each one's options against its schema. */
@injectable()
export class RewardFactory {
  constructor(
    @injectAll(RewardModelContribution, { isOptional: true }) private readonly descriptors: RewardModelDescriptor[] = [],
    @inject(LanguageRegistry) private readonly languages: LanguageRegistry,
    @inject(LoggerToken) private readonly logger: Logger,
    @inject(FamilyRegistry) private readonly families: FamilyRegistry,
    @inject(ActiveBackend, { isOptional: true }) private readonly backend?: TensorBackend,
    @inject(RunOriginToken, { isOptional: true }) private readonly origin?: RunOrigin,
  ) {}

  /** `path` is where the spec sits in the config ('reward', 'reward.options.components.1.reward'). */
  async create(spec: RewardSpec, path = 'reward'): Promise<RewardModel> {
    const { id, options } = typeof spec === 'string' ? { id: spec, options: undefined } : spec;
    const descriptor = findContribution('rewardModel', this.descriptors, id, 'Reward models come from plugins; `okapi info` lists the installed ones.');
    const parsed = descriptor.optionsSchema.safeParse(options ?? {}, { reportInput: true });
    if (!parsed.success) throw optionsError(id, path, descriptor.optionsSchema, parsed.error.issues);
    const services: RewardServices = {
      languages: this.languages, logger: this.logger, backend: this.backend, families: this.families,
      resolvePath: (p) => resolve(this.origin?.cwd ?? process.cwd(), p), create: (s, p) => this.create(s, p),
    };
    return descriptor.create(parsed.data, services);
  }
}

/**
 * Why a reward's options were refused: a required option that is absent gets a sentence saying what it
 * is (from the schema's description) and how to give it; other problems the config's usual list.
 */
function optionsError(id: string, path: string, schema: ZodType, issues: readonly z.core.$ZodIssue[]): Error {
  const missing = issues.filter(isMissingValue);
  if (missing.length === 0) return new ConfigValidationError(issues.map((issue) => configProblemOf(issue, [path, 'options'])), `reward model '${id}'`);
  const keys = missing.map((issue) => [path, 'options', ...issue.path.map(String)].join('.'));
  const about = missing.flatMap((issue, i) => {
    const text = descriptionAt(schema, issue.path);
    return text === undefined ? [] : [`\n  ${keys[i]}: ${text}`];
  });
  const example = missing.map((issue) => `${String(issue.path.at(-1))}: …`).join(', ');
  const them = keys.length > 1 ? `are not set: the '${id}' reward needs them` : `is not set: the '${id}' reward needs it`;
  return new OkapiError(`${keys.join(' and ')} ${them}.${about.join('')}`, {
    hint: `Set it in the config: ${path}: { id: '${id}', options: { ${example} } }, or choose another reward (e.g. --reward verifier; \`okapi info\` lists the installed ones).`,
  });
}

/** The `.describe()` text of the option at `path` of an object schema (optional / default wrappers looked through). */
function descriptionAt(schema: ZodType, path: readonly PropertyKey[]): string | undefined {
  let node: ZodType | undefined = schema;
  for (const key of path) {
    while (node !== undefined && !('shape' in node) && 'innerType' in node.def) node = node.def.innerType as ZodType;
    node = node !== undefined && 'shape' in node ? (node.shape as Record<PropertyKey, ZodType>)[key] : undefined;
  }
  return node?.description;
}
