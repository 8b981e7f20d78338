// Streaming dataset reader: peak RSS above baseline and records/s on a generated Okapi-ranking file.
// Usage (after `npx tsc -b packages/core`): node bench/data-reader.mjs [--mb 300] [--repeat 3] [--json] [--keep DIR]
// With --repeat N each mode runs N times: the fastest time and the highest peak are reported.
// Each measurement runs in its own child process, so one run's heap cannot hide another's peak.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import 'reflect-metadata';
import core from '@okapi/core';

const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const self = fileURLToPath(import.meta.url);

// Syllables from several scripts, so UTF-8 decoding is exercised as in the real multilingual files.
const SYLLABLES = ['the ', 'và ', 'của ', 'một ', 'der ', 'und ', 'не ', 'что ', 'का ', 'है ', 'في ', 'من ', '的 ', '是 ', 'data ', 'model '];

function text(rng, words) {
  let s = '';
  for (let i = 0; i < words; i++) s += SYLLABLES[rng.int(SYLLABLES.length)];
  return s.trim();
}

/** Writes an Okapi ranking file (JSON array, one record per line like the published ones) of ~`mb` MB. */
async function generate(path, mb) {
  const rng = core.Rng.fromSeed('bench/data-reader');
  const out = createWriteStream(path);
  let bytes = 0;
  let n = 0;
  out.write('[\n');
  while (bytes < mb * 1e6) {
    const record = {
      instruction: text(rng, 10 + rng.int(30)), input: rng.int(3) === 0 ? text(rng, rng.int(20)) : '',
      prefered_output: text(rng, 40 + rng.int(120)), rejected_output: text(rng, 20 + rng.int(80)),
    };
    const line = `${n === 0 ? '' : ',\n'}${JSON.stringify(record)}`;
    bytes += Buffer.byteLength(line);
    n++;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end('\n]\n');
  await once(out, 'finish');
  return n;
}

/** Child: read the file one way, sampling RSS, and print one JSON line. */
async function measure(mode, path) {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const started = process.hrtime.bigint();
  let records = 0;
  if (mode === 'json-parse') {
    records = JSON.parse(readFileSync(path, 'utf8')).length;
  } else if (mode === 'raw') {
    for await (const raw of (await core.openRawRecords(path)).records) { if (raw.value !== undefined) records++; }
  } else {
    const stream = await core.openDataset(path, { adapters: core.builtinDatasetAdapters, rejectedPath: null });
    for await (const loaded of stream) { if (loaded.record) records++; }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ mode, records, seconds, baselineMB: baseline / 2 ** 20, peakAboveBaselineMB: (peak - baseline) / 2 ** 20 }));
}

async function main() {
  if (argv[0] === '--child') return measure(argv[1], argv[2]);
  const mb = Number(flag('--mb', '300'));
  const dir = flag('--keep', undefined) ?? mkdtempSync(join(tmpdir(), 'okapi-bench-data-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `ranking-${mb}mb.json`);
  const n = existsSync(path) ? undefined : await generate(path, mb);
  const size = statSync(path).size;
  const rows = [];
  const repeat = Number(flag('--repeat', '1'));
  for (const mode of ['validated', 'raw', 'json-parse']) {
    const runs = [];
    for (let i = 0; i < repeat; i++) {
      const child = spawnSync(process.execPath, ['--expose-gc', self, '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) { runs.push({ mode, error: (child.stderr || '').split('\n').slice(0, 3).join(' ') }); break; }
      runs.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
    }
    if (runs.some((r) => r.error)) { rows.push(runs.find((r) => r.error)); continue; }
    const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const peak = Math.max(...runs.map((r) => r.peakAboveBaselineMB));
    rows.push({ ...best, peakAboveBaselineMB: peak, runs: runs.length, recordsPerSecond: Math.round(best.records / best.seconds), mbPerSecond: Number((size / 1e6 / best.seconds).toFixed(1)) });
  }
  const load = (await import('node:os')).loadavg()[0];
  if (!flag('--keep', undefined)) rmSync(dir, { recursive: true, force: true });
  const result = { file: { bytes: size, records: n }, node: process.version, loadAverage: load, rows };
  if (argv.includes('--json')) { console.log(JSON.stringify(result, null, 2)); return; }
  console.log(`file: ${(size / 1e6).toFixed(0)} MB Okapi ranking JSON array, node ${process.version}, load average ${load.toFixed(1)}, best of ${repeat}`);
  for (const r of rows) {
    if (r.error) { console.log(`${r.mode.padEnd(11)} failed: ${r.error}`); continue; }
    console.log(`${r.mode.padEnd(11)} ${String(r.records).padStart(8)} records  ${r.seconds.toFixed(1).padStart(6)} s  ${String(r.recordsPerSecond).padStart(7)} rec/s  ${String(r.mbPerSecond).padStart(6)} MB/s  peak RSS +${r.peakAboveBaselineMB.toFixed(0)} MB`);
  }
}

await main();
