import type { DatasetAdapter, ParseOutcome } from '../dataset-adapter';
import type { DatasetRecord, RecordKind } from '../records';
import { describeValue } from '../validation/field-checks';

/** The shape each record kind is written in by the generic JSONL format. */
const NATIVE_WRITER: Record<RecordKind, string> = { instruction: 'okapi-alpaca', pair: 'okapi-ranking', ranked: 'ranked' };

function bestAdapter(adapters: readonly DatasetAdapter[], raw: unknown): DatasetAdapter | undefined {
  let best: DatasetAdapter | undefined;
  let bestScore = 0;
  for (const a of adapters) {
    const score = a.detect(raw);
    if (score > bestScore) [best, bestScore] = [a, score];
  }
  return best;
}

/**
 * 'jsonl': JSON Lines holding records of any built-in shape, recognised record by record; records are
 * written in the Okapi shape of their kind (okapi-alpaca, okapi-ranking, ranked).
 */
export function createJsonlAdapter(adapters: readonly DatasetAdapter[]): DatasetAdapter {
  const byId = new Map(adapters.map((a) => [a.id, a]));
  return {
    id: 'jsonl',
    summary: 'JSON Lines of any of the shapes above, recognised per record',
    recordKind: 'any',
    container: 'jsonl',
    detect: () => 0,
    parse(raw): ParseOutcome {
      const adapter = bestAdapter(adapters, raw);
      if (adapter !== undefined) return adapter.parse(raw);
      return { ok: false, issues: [{ field: '', expected: `a record in one of the shapes ${adapters.map((a) => a.id).join(', ')}`, received: describeValue(raw) }] };
    },
    serialize(record: DatasetRecord): unknown {
      return byId.get(NATIVE_WRITER[record.kind])!.serialize(record);
    },
  };
}
