import { injectAll, injectable } from 'tsyringe';
import { ModelFamilyContribution } from '../di/contributions';
import { OkapiError } from '../errors/okapi-error';
import { UnknownContributionError } from '../errors/unknown-contribution-error';
import type { ModelFamilyDescriptor } from './model-family';

/** The contributed model families; picks the one family a `config.json` belongs to. */
@injectable()
export class FamilyRegistry {
  constructor(@injectAll(ModelFamilyContribution, { isOptional: true }) private readonly families: ModelFamilyDescriptor[] = []) {}

  list(): readonly ModelFamilyDescriptor[] {
    return this.families;
  }

  byId(id: string): ModelFamilyDescriptor {
    const family = this.families.find((f) => f.id === id);
    if (family === undefined) throw new UnknownContributionError('model family', id, this.families.map((f) => f.id));
    return family;
  }

  /** The single family matching the config; zero or several matches is an error naming the candidates. */
  forConfig(hfConfig: Readonly<Record<string, unknown>>, source = 'config.json'): ModelFamilyDescriptor {
    const matches = this.families.filter((f) => f.matches(hfConfig));
    if (matches.length === 1) return matches[0];
    const what = `model_type ${JSON.stringify(hfConfig.model_type)}${Array.isArray(hfConfig.architectures) ? ` (architectures ${JSON.stringify(hfConfig.architectures)})` : ''}`;
    const installed = this.families.map((f) => `${f.id} (${f.summary})`).join('; ') || '(none installed)';
    if (matches.length === 0) {
      throw new OkapiError(`${source}: no installed model family handles ${what}. Installed families: ${installed}.`, {
        hint: 'Use a BLOOM or LLaMA checkpoint, or install a plugin that registers this model family.',
      });
    }
    throw new OkapiError(`${source}: ${what} matches several model families: ${matches.map((f) => f.id).join(', ')}.`, {
      hint: 'Two plugins claim this architecture; remove one of them from `plugins` in your config.',
    });
  }
}
