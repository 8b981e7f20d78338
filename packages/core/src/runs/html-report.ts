import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MetricRecord } from './metrics-log';

export interface ReportTable {
  readonly title: string;
  readonly rows: readonly Record<string, string | number>[];
}

/** Generations for the same prompt from several models, shown side by side. */
export interface ReportSample {
  readonly prompt: string;
  readonly outputs: Readonly<Record<string, string>>;
}

export interface RunReport {
  readonly title: string;
  readonly subtitle?: string;
  readonly metrics: readonly MetricRecord[];
  readonly tables?: readonly ReportTable[];
  readonly samples?: readonly ReportSample[];
}

/** One plotted series: x = step, y = a metric of one stage. */
interface Chart {
  readonly id: string;
  readonly stage: string;
  readonly metric: string;
  readonly steps: number[];
  readonly values: (number | null)[];
}

/**
 * A self-contained HTML page (uPlot and its CSS inlined, no network needed) with one chart per stage
 * and metric, then tables and side-by-side samples.
 */
export function renderHtmlReport(report: RunReport): string {
  const charts = chartsOf(report.metrics);
  const body = [
    `<h1>${escapeHtml(report.title)}</h1>`,
    report.subtitle ? `<p class="sub">${escapeHtml(report.subtitle)}</p>` : '',
    ...[...new Set(charts.map((c) => c.stage))].map((stage) => `<h2>${escapeHtml(stage)}</h2><div class="grid">${charts.filter((c) => c.stage === stage).map((c) => `<div class="chart" id="${c.id}"></div>`).join('')}</div>`),
    ...(report.tables ?? []).map(renderTable),
    renderSamples(report.samples ?? []),
  ].join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>${uplotAsset('uPlot.min.css')}
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}.sub{color:#666}.grid{display:flex;flex-wrap:wrap;gap:1rem}
.chart{border:1px solid #ddd;padding:.5rem}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}pre{white-space:pre-wrap;margin:0;max-width:40rem}</style>
<script>${uplotAsset('uPlot.iife.min.js')}</script></head><body>
${body}
<script>const charts=${JSON.stringify(charts).replace(/</g, '\\u003c')};
for(const c of charts){new uPlot({title:c.metric,width:420,height:240,scales:{x:{time:false}},series:[{label:'step'},{label:c.metric,stroke:'#2a6fdb',width:2,spanGaps:true}]},[c.steps,c.values],document.getElementById(c.id));}</script>
</body></html>
`;
}

function chartsOf(metrics: readonly MetricRecord[]): Chart[] {
  const byKey = new Map<string, Chart>();
  for (const record of metrics) {
    for (const [metric, value] of Object.entries(record.values)) {
      const key = `${record.stage}/${metric}`;
      let chart = byKey.get(key);
      if (chart === undefined) {
        chart = { id: `chart-${byKey.size}`, stage: record.stage, metric, steps: [], values: [] };
        byKey.set(key, chart);
      }
      chart.steps.push(record.step);
      chart.values.push(Number.isFinite(value) ? value : null);
    }
  }
  return [...byKey.values()];
}

function renderTable(table: ReportTable): string {
  const columns = [...new Set(table.rows.flatMap((r) => Object.keys(r)))];
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const rows = table.rows.map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(String(r[c] ?? ''))}</td>`).join('')}</tr>`).join('');
  return `<h2>${escapeHtml(table.title)}</h2><table><tr>${head}</tr>${rows}</table>`;
}

function renderSamples(samples: readonly ReportSample[]): string {
  if (samples.length === 0) return '';
  const labels = [...new Set(samples.flatMap((s) => Object.keys(s.outputs)))];
  const head = ['prompt', ...labels].map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const rows = samples.map((s) => `<tr><td><pre>${escapeHtml(s.prompt)}</pre></td>${labels.map((l) => `<td><pre>${escapeHtml(s.outputs[l] ?? '')}</pre></td>`).join('')}</tr>`).join('');
  return `<h2>Sample generations</h2><table><tr>${head}</tr>${rows}</table>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function uplotAsset(file: string): string {
  const dist = path.dirname(require.resolve('uplot/dist/uPlot.iife.min.js'));
  return readFileSync(path.join(dist, file), 'utf8').replace(/<\/script/gi, '<\\/script');
}
