import { inject, injectAll, injectable } from 'tsyringe';
import { ConfigValidationError } from '../config/config-errors';
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
    if (!parsed.success) {
      throw new ConfigValidationError(parsed.error.issues.map((issue) => ({
        path: [path, 'options', ...issue.path].join('.'),
        expected: issue.message.replace(/^Invalid input: /, ''),
        received: 'input' in issue ? JSON.stringify(issue.input) : 'an invalid value',
      })), `reward model '${id}'`);
    }
    const services: RewardServices = {
      languages: this.languages, logger: this.logger, backend: this.backend, families: this.families,
      resolvePath: (p) => resolve(this.origin?.cwd ?? process.cwd(), p), create: (s, p) => this.create(s, p),
    };
    return descriptor.create(parsed.data, services);
  }
}
