import { UnknownContributionError } from '../errors/unknown-contribution-error';
import { contributionId, contributionLabels, type ContributionKind, type ContributionKinds } from './contribution-kinds';

/** The contribution of `kind` with `id`, or an error listing what is installed with a did-you-mean. */
export function findContribution<K extends ContributionKind>(
  kind: K,
  contributions: readonly ContributionKinds[K][],
  id: string,
  hint?: string,
): ContributionKinds[K] {
  const found = contributions.find((c) => contributionId(kind, c) === id);
  if (found !== undefined) return found;
  const ids = contributions.map((c) => contributionId(kind, c));
  throw new UnknownContributionError(contributionLabels[kind], id, ids, hint);
}
