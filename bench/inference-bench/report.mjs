// Tables of bench/inference-vs-transformersjs.mjs: a cli-table3 table for the terminal and the same
// rows as Markdown for docs/benchmarks.md.
import Table from 'cli-table3';

const GiB = 2 ** 30;
const fmt = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const pct = (x) => (x === undefined ? '—' : `${(100 * x).toFixed(0)}%`);

/** Decode tokens/s that reading every weight once per step at `bandwidth` bytes/s allows, for `batch` rows. */
export function bandwidthBound(weightBytesPerStep, bandwidth, batch) {
  return (batch * bandwidth) / weightBytesPerStep;
}

/** One model's rows: each engine, then the ratio ours / transformers.js (speeds: > 1 = ours faster; RSS: > 1 = ours uses more). */
export function modelRows(name, model, engines, bandwidth) {
  const rows = [];
  const bytes = model.weightBytesPerStep;
  for (const [label, r] of engines) {
    if (r === undefined) continue;
    const b1 = r.decode?.[1]?.tokensPerSecond;
    const b8 = r.decode?.[8]?.tokensPerSecond;
    rows.push([
      name, label, fmt(r.loadSeconds, 2), fmt(r.prefill?.tokensPerSecond), fmt(b1, 2), fmt(b8, 2),
      pct(b1 === undefined ? undefined : b1 / bandwidthBound(bytes, bandwidth, 1)),
      pct(b8 === undefined ? undefined : b8 / bandwidthBound(bytes, bandwidth, 8)),
      `${fmt(r.peakRss / GiB, 2)} GiB (${fmt(r.peakRss / model.weightBytes, 2)}×)`,
    ]);
  }
  const [ours, tjs] = [engines[0][1], engines[1]?.[1]];
  if (ours !== undefined && tjs !== undefined) {
    const ratio = (f) => { const [a, b] = [f(ours), f(tjs)]; return a === undefined || b === undefined ? '—' : `**${(a / b).toFixed(2)}×**`; };
    rows.splice(2, 0, [name, 'ours / transformers.js', '', ratio((r) => r.prefill?.tokensPerSecond), ratio((r) => r.decode?.[1]?.tokensPerSecond),
      ratio((r) => r.decode?.[8]?.tokensPerSecond), '', '', `${ratio((r) => r.peakRss)} RSS`]);
  }
  return rows;
}

export const mainHead = ['model', 'engine', 'load s', 'prefill tok/s', 'decode b1 tok/s', 'decode b8 tok/s', 'b1 / BW bound', 'b8 / BW bound', 'peak RSS (× weights)'];
export const loadHead = ['model', 'weights (f32)', 'load f32 s', 'load bf16 s', 'load f16 s', 'peak RSS bf16 load'];

export function loadRow(name, model, loads) {
  return [name, `${fmt(model.weightBytes / 2 ** 20, 0)} MiB`, fmt(loads.f32?.seconds, 2), fmt(loads.bf16?.seconds, 2), fmt(loads.f16?.seconds, 2),
    `${fmt(loads.bf16?.memory.maxRss / GiB, 2)} GiB`];
}

export function printTable(head, rows) {
  const table = new Table({ head });
  for (const r of rows) table.push(r.map((c) => String(c).replaceAll('**', '')));
  console.log(table.toString());
}

export function markdownTable(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
