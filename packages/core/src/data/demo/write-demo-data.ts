import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { okapiAlpacaAdapter } from '../adapters/okapi-alpaca-adapter';
import { okapiRankingAdapter } from '../adapters/okapi-ranking-adapter';
import { okapiRlAdapter } from '../adapters/okapi-rl-adapter';
import { rankedAdapter } from '../adapters/ranked-adapter';
import { expandRankedToPairs } from '../convert-kind';
import type { DatasetAdapter } from '../dataset-adapter';
import type { DatasetRecord } from '../records';
import { RecordWriter } from '../write-records';
import type { DemoLanguageData } from './generate-demo-data';

/** The folders `writeDemoData` creates, each holding `{lang}.json` in the format named. */
export const DEMO_LAYOUT = {
  sft: 'okapi-alpaca',
  rm: 'ranked',
  'rm-pairs': 'okapi-ranking',
  ppo: 'okapi-rl',
  eval: 'okapi-rl',
} as const;

async function writeFile<R extends DatasetRecord>(path: string, adapter: DatasetAdapter<R>, records: readonly R[]): Promise<void> {
  const writer = new RecordWriter(path, 'json');
  try {
    for (const record of records) await writer.write(adapter.serialize(record));
  } finally {
    await writer.close();
  }
}

/**
 * Writes demo data in the Okapi layout (one `{lang}.json` per language in a folder per stage), so the
 * demo runs through exactly the same readers as the published Okapi files.
 */
export async function writeDemoData(dir: string, data: readonly DemoLanguageData[]): Promise<string[]> {
  const written: string[] = [];
  for (const folder of Object.keys(DEMO_LAYOUT)) await mkdir(join(dir, folder), { recursive: true });
  for (const d of data) {
    const path = (folder: keyof typeof DEMO_LAYOUT) => join(dir, folder, `${d.lang}.json`);
    await writeFile(path('sft'), okapiAlpacaAdapter, d.sft);
    await writeFile(path('rm'), rankedAdapter, d.rm);
    await writeFile(path('rm-pairs'), okapiRankingAdapter, d.rm.flatMap(expandRankedToPairs));
    await writeFile(path('ppo'), okapiRlAdapter, d.ppo);
    await writeFile(path('eval'), okapiRlAdapter, d.eval);
    written.push(...(Object.keys(DEMO_LAYOUT) as (keyof typeof DEMO_LAYOUT)[]).map(path));
  }
  return written;
}
