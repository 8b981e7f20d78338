import { compareResults, OkapiError, readResultsFile, resolveUserPath, unmatchedTasks, type CommandDescriptor } from '@okapi/core';

const pct = (x: number): string => (100 * x).toFixed(2);

/** `okapi eval compare A.json B.json`: per task and metric, B − A and whether it is significant. */
export const evalCompareCommand: CommandDescriptor = {
  name: 'eval compare',
  summary: 'Compare two eval results files: deltas per task and metric, and which are significant',
  description: 'Treats the two runs as independent samples: z = (B − A) / sqrt(se_A² + se_B²), two-sided p-value; significant when p < --alpha.',
  examples: ['okapi eval compare results/demo-vi.json results/okapi-vi.json', 'okapi eval compare results/demo-vi.json results/okapi-vi.json --alpha 0.01 --json'],
  args: [
    { name: 'a', description: 'baseline results file', required: true },
    { name: 'b', description: 'results file to compare with the baseline', required: true },
  ],
  options: [{ flags: '--alpha <p>', description: 'significance level (default 0.05)', parse: 'float' }],
  needsValidConfig: false,
  async run(context) {
    const [pathA, pathB] = context.args;
    if (typeof pathA !== 'string' || typeof pathB !== 'string') throw new OkapiError('Two results files are needed', { hint: 'okapi eval compare A.json B.json' });
    const alpha = (context.options.alpha as number | undefined) ?? 0.05;
    if (!(alpha > 0 && alpha < 1)) throw new OkapiError(`--alpha must be between 0 and 1, got ${alpha}`);
    const [a, b] = await Promise.all([pathA, pathB].map((p) => readResultsFile(resolveUserPath(context.scope, p))));
    const rows = compareResults(a, b, alpha);
    const { onlyA, onlyB } = unmatchedTasks(a, b);
    if (context.out.jsonMode) {
      context.out.json({ a: pathA, b: pathB, alpha, rows, onlyA, onlyB });
      return;
    }
    if (rows.length === 0) throw new OkapiError(`${pathA} and ${pathB} share no task and metric`, { hint: 'Compare results of the same tasks and languages.' });
    context.out.table(rows.map((r) => ({
      task: r.task, metric: r.metric, A: pct(r.a), B: pct(r.b), delta: `${r.delta >= 0 ? '+' : ''}${pct(r.delta)}`,
      p: r.p === undefined ? '—' : r.p.toPrecision(3), significant: r.significant ? 'yes' : 'no',
    })), { title: `B − A (%), significant at p < ${alpha}` });
    if (onlyA.length > 0) context.out.warn(`Only in ${pathA}: ${onlyA.join(', ')}`);
    if (onlyB.length > 0) context.out.warn(`Only in ${pathB}: ${onlyB.join(', ')}`);
  },
};
