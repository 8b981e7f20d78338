import { OkapiError } from '../errors/okapi-error';

/** One problem found while validating a config, with where it is and what was expected. */
export interface ConfigProblem {
  readonly path: string;
  readonly expected: string;
  readonly received: string;
}

/** Every validation problem of a config at once (never just the first). */
export class ConfigValidationError extends OkapiError {
  constructor(readonly problems: readonly ConfigProblem[], source: string) {
    const lines = problems.map((p) => `  - ${p.path}: expected ${p.expected}, received ${p.received}`);
    super(`Invalid config (${source}):\n${lines.join('\n')}`, {
      hint: 'Fix these values in the config file or the matching command-line flags; `okapi init` writes a commented example.',
    });
  }
}
