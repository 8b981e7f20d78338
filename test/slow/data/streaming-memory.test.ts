import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinDatasetAdapters, openDataset, Rng } from '@okapi/core';

const MB = 1 << 20;

/** ~`mb` MB of Okapi ranking records in one JSON array, written without holding it in memory. */
async function writeRankingFile(path: string, mb: number): Promise<number> {
  const rng = Rng.fromSeed('slow/streaming-memory');
  const words = ['và ', 'của ', 'der ', 'не ', 'का ', 'في ', '的 ', 'data '];
  const text = (n: number) => Array.from({ length: n }, () => rng.pick(words)).join('').trim();
  const out = createWriteStream(path);
  let bytes = 0;
  let n = 0;
  out.write('[\n');
  while (bytes < mb * 1e6) {
    const line = `${n++ === 0 ? '' : ',\n'}${JSON.stringify({ instruction: text(20), input: '', prefered_output: text(120), rejected_output: text(60) })}`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end('\n]\n');
  await once(out, 'finish');
  return n;
}

describe('streaming reader memory (slow)', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'okapi-slow-data-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates a 300 MB file with peak RSS < 300 MB above the baseline', async () => {
    const path = join(dir, 'ranking.json');
    const written = await writeRankingFile(path, 300);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    let records = 0;
    try {
      for await (const loaded of await openDataset(path, { adapters: builtinDatasetAdapters, rejectedPath: null })) if (loaded.record.kind === 'pair') records++;
    } finally {
      clearInterval(timer);
    }
    expect(records).toBe(written);
    expect((peak - baseline) / MB).toBeLessThan(300);
  }, 600_000);
});
