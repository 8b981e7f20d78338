import { OkapiError } from '../errors/okapi-error';

/** A graph that cannot be built or run as written (shape mismatch, bad attribute, unknown op). */
export class IrError extends OkapiError {
  constructor(message: string, hint: string) {
    super(message, { hint });
  }
}
