// Runs the engines' child processes interleaved — per phase (prefill, then decode), `rounds` rounds,
// each round every engine once — so a change of machine load during the command hits every engine
// alike (the development machine is shared). Each child is one `okapi generate`-like process.
import { runNodeChild } from './child-process.mjs';

const mib = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;

/** engines: [{ key, script, spec }] → { [key]: merged result } (fastest run of each measurement, highest peak RSS). */
export async function runInterleaved(engines, rounds, say) {
  const runs = Object.fromEntries(engines.map((e) => [e.key, { prefill: [], decode: [] }]));
  for (const phase of ['prefill', 'decode']) {
    for (let round = 0; round < rounds; round++) {
      for (const e of engines) runs[e.key][phase].push(await runNodeChild(e.script, [JSON.stringify({ ...e.spec, phase })]));
    }
  }
  const merged = {};
  for (const e of engines) {
    merged[e.key] = merge(runs[e.key]);
    const m = merged[e.key];
    say(`  ${e.key} RSS: ${mib(m.startRss)} at start, ${mib(m.afterLoadRss)} after loading, peak ${mib(m.peakRss)}`);
  }
  return merged;
}

function fastest(results) {
  const best = results.reduce((a, b) => (b.tokensPerSecond > a.tokensPerSecond ? b : a));
  return { ...best, allTokensPerSecond: results.flatMap((r) => r.allTokensPerSecond), ids: results[0].ids };
}

function merge({ prefill, decode }) {
  const all = [...prefill, ...decode];
  const batches = Object.keys(decode[0].decode);
  return {
    loadSeconds: Math.min(...all.map((r) => r.loadSeconds)),
    prefill: fastest(prefill.map((r) => r.prefill)),
    decode: Object.fromEntries(batches.map((b) => [b, fastest(decode.map((r) => r.decode[b]))])),
    peakRss: Math.max(...all.map((r) => r.memory.end.maxRss)),
    peakRssByPhase: { prefill: Math.max(...prefill.map((r) => r.memory.end.maxRss)), decode: Math.max(...decode.map((r) => r.memory.end.maxRss)) },
    startRss: Math.min(...all.map((r) => r.memory.before.rss)),
    afterLoadRss: Math.max(...all.map((r) => r.memory.afterLoad.rss)),
  };
}
