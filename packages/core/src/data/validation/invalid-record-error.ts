import { OkapiError } from '../../errors/okapi-error';
import type { FieldIssue } from '../dataset-adapter';
import { formatLocation, type DatasetLocation } from '../dataset-errors';

export function formatIssue(issue: FieldIssue): string {
  const field = issue.field === '' ? 'the record' : `field '${issue.field}'`;
  return `${field}: expected ${issue.expected}, received ${issue.received}`;
}

/** A record failed validation under `--on-invalid fail`. */
export class InvalidRecordError extends OkapiError {
  constructor(readonly location: DatasetLocation, readonly reason: string, readonly issues: readonly FieldIssue[]) {
    const details = issues.length > 0 ? issues.map(formatIssue).join('; ') : reason;
    super(`${formatLocation(location)}: ${details}`, {
      hint: 'Fix the record, or pass --on-invalid skip to drop invalid records (they are counted and written to a .rejected.jsonl side file).',
    });
  }
}
