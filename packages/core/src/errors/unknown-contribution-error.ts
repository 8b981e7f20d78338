import { didYouMean } from '../util/did-you-mean';
import { OkapiError } from './okapi-error';

/** Asked for a contribution (backend, language, trainer, …) by an id nothing registered. */
export class UnknownContributionError extends OkapiError {
  constructor(kind: string, id: string, available: readonly string[], hint?: string) {
    const list = available.length > 0 ? available.join(', ') : '(none installed)';
    super(`Unknown ${kind} '${id}'.${didYouMean(id, available)} Installed ${kind}s: ${list}.`, { hint });
  }
}

/** Two plugins contributed the same id for the same kind of contribution. */
export class DuplicateContributionError extends OkapiError {
  constructor(kind: string, id: string, firstPlugin: string, secondPlugin: string) {
    super(
      `Plugins '${firstPlugin}' and '${secondPlugin}' both contribute a ${kind} with id '${id}'.`,
      { hint: `Remove one of the two plugins from 'plugins' in your config, or rename the ${kind} in one of them.` },
    );
  }
}
