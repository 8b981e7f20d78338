import { computeDatasetStats, LanguageDetector, loadTokenizer, type CommandDescriptor, type CommandOutput, type LengthSummary } from '@okapi/core';
import { datasetOptions, readOptions, reportSummary, resolveInput, userPath } from '../data-options';

function summaryRow(name: string, s: LengthSummary) {
  return { measure: name, count: s.count, min: s.min, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max, mean: Number(s.mean.toFixed(1)), over: s.overLimit };
}

/** A text histogram: one row per bucket with a bar scaled to the largest bucket. */
function printHistogram(out: CommandOutput, title: string, s: LengthSummary): void {
  const most = Math.max(1, ...s.histogram.map((b) => b.count));
  out.print(`\n${title}`);
  for (const b of s.histogram) {
    const label = `${b.from}–${b.to === null ? '' : b.to - 1}`.padEnd(12);
    out.print(`  ${label} ${String(b.count).padStart(8)} ${'█'.repeat(Math.round((40 * b.count) / most))}`);
  }
}

/** `okapi data stats`: record counts, length distributions (characters; tokens with --tokenizer), languages. */
export const dataStatsCommand: CommandDescriptor = {
  name: 'data stats',
  summary: 'Count records and show length histograms (characters, or tokens of a tokenizer) and detected languages',
  examples: [
    'okapi data stats vi.json',
    'okapi data stats vi.json --tokenizer ./okapi-vi-bloom --max-length 512',
    'okapi data stats --data-dir multilingual-ranking-data-42k --lang hi --json',
  ],
  args: [{ name: 'file', description: 'dataset file (.json array or .jsonl)' }],
  options: [
    ...readOptions,
    { flags: '--tokenizer <dir>', description: 'model or tokenizer directory (tokenizer.json or tokenizer.model): lengths in tokens' },
    { flags: '--max-length <n>', description: 'count lengths above this (Okapi SFT: 512 tokens)', parse: 'int' },
  ],
  needsValidConfig: false,
  async run(context) {
    const { out, options } = context;
    const file = await resolveInput(context);
    const encoder = typeof options.tokenizer === 'string' ? await loadTokenizer(userPath(context, options.tokenizer)) : undefined;
    const packs = context.scope.contributions('languagePack');
    const detector = packs.length > 0 ? new LanguageDetector(packs) : undefined;
    const stats = await computeDatasetStats(file, {
      ...datasetOptions(context, { onInvalid: 'skip' }), encoder, detector, maxLength: options.maxLength as number | undefined,
    });
    if (out.jsonMode) { out.json(stats); return; }
    reportSummary(context, stats.report);
    const rows = [summaryRow('prompt chars', stats.chars.prompt), summaryRow('response chars', stats.chars.response)];
    if (stats.tokens) rows.push(summaryRow('prompt tokens', stats.tokens.prompt), summaryRow('response tokens', stats.tokens.response));
    if (stats.responsesPerPrompt) rows.push(summaryRow('responses per prompt', stats.responsesPerPrompt));
    out.table(rows, { title: `Records: ${Object.entries(stats.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}` });
    const lengths = stats.tokens?.response ?? stats.chars.response;
    printHistogram(out, `Response length (${stats.tokens ? 'tokens' : 'characters'})`, lengths);
    if (stats.languages) {
      const total = Object.values(stats.languages).reduce((a, b) => a + b, 0);
      const langRows = Object.entries(stats.languages).sort((a, b) => b[1] - a[1]).map(([lang, n]) => ({ lang, records: n, share: `${((100 * n) / total).toFixed(1)}%` }));
      out.table(langRows, { title: 'Detected languages' });
    }
  },
};
