// Language-detection accuracy per language on held-out text (see lang-detect-sources.mjs).
// Usage (after `npx tsc -b`): node bench/lang-detect.mjs [--per-lang 200] [--json]
import 'reflect-metadata';
import core from '@okapi/core';
import langPacks from '@okapi/lang-packs';
import { heldOutPassages } from './lang-detect-sources.mjs';

const argv = process.argv.slice(2);
const perLang = Number(argv[argv.indexOf('--per-lang') + 1] || 200) || 200;

/** Consecutive passages joined until each text has at least 100 characters. */
function longTexts(passages, limit) {
  const texts = [];
  let current = '';
  for (const p of passages) {
    current = current === '' ? p : `${current} ${p}`;
    if ([...current].length >= 100) {
      texts.push(current);
      current = '';
    }
    if (texts.length === limit) break;
  }
  return texts;
}

/** A 20–40-character prefix of each passage, cut at a word boundary (or at 30 characters without spaces). */
function shortTexts(passages, limit) {
  const texts = [];
  for (const p of passages) {
    const words = p.split(' ');
    let cut = words[0];
    for (const w of words.slice(1)) if ([...`${cut} ${w}`].length <= 40) cut = `${cut} ${w}`; else break;
    if ([...cut].length > 40) cut = [...cut].slice(0, 30).join('');
    if ([...cut].length >= 20) texts.push(cut);
    if (texts.length === limit) break;
  }
  return texts;
}

function evaluate(detector, code, texts) {
  const confusions = new Map();
  let correct = 0;
  for (const t of texts) {
    const got = detector.detect(t).code ?? '?';
    if (got === code) correct += 1; else confusions.set(got, (confusions.get(got) ?? 0) + 1);
  }
  const worst = [...confusions].sort((a, b) => b[1] - a[1])[0];
  return { n: texts.length, accuracy: texts.length ? correct / texts.length : NaN, confusedWith: worst ? `${worst[0]} (${worst[1]})` : '' };
}

const registry = new core.LanguageRegistry([...langPacks.allPacks]);
const detector = registry.detector();
const rows = registry.all().map((pack) => {
  const { source, passages } = heldOutPassages(pack.code);
  const long = evaluate(detector, pack.code, longTexts(passages, perLang));
  const short = evaluate(detector, pack.code, shortTexts(passages, perLang));
  return { code: pack.code, name: pack.name, source, long, short };
});

const pct = (x) => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}`);
const macro = (key) => rows.filter((r) => r[key].n > 0).reduce((s, r, _, a) => s + r[key].accuracy / a.length, 0);
if (argv.includes('--json')) {
  console.log(JSON.stringify({ rows, macro100: macro('long'), macro20to40: macro('short') }, null, 2));
} else {
  console.log('| code | language | held-out source | n (100+) | acc % (100+ chars) | n (20–40) | acc % (20–40 chars) | most confused with (20–40) |');
  console.log('|---|---|---|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(`| ${r.code} | ${r.name} | ${r.source} | ${r.long.n} | ${pct(r.long.accuracy)} | ${r.short.n} | ${pct(r.short.accuracy)} | ${r.short.confusedWith} |`);
  }
  console.log(`| **macro** | ${rows.length} languages | | | **${pct(macro('long'))}** | | **${pct(macro('short'))}** | |`);
}
