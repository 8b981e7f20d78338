import { OkapiError } from '../errors/okapi-error';

/** A backend or device was asked for that this machine cannot provide. */
export class BackendUnavailableError extends OkapiError {
  constructor(message: string, hint: string) {
    super(message, { hint });
  }
}
