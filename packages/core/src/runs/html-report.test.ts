import { renderHtmlReport } from './html-report';

describe(renderHtmlReport.name, () => {
  const metrics = [
    { stage: 'sft', step: 1, time: '', values: { loss: 3, lr: 0.1 } },
    { stage: 'sft', step: 2, time: '', values: { loss: 2, lr: 0.2 } },
    { stage: 'ppo', step: 1, time: '', values: { reward: Number.NaN } },
  ];

  it('is self-contained and plots one series per stage and metric', () => {
    const html = renderHtmlReport({ title: 'Run <vi>', metrics });
    expect(html).not.toMatch(/<script src=|<link /);
    expect(html).toContain('uPlot');
    const charts = JSON.parse(/const charts=(.*);\n/.exec(html)![1]!);
    expect(charts.map((c: { stage: string; metric: string }) => `${c.stage}/${c.metric}`)).toEqual(['sft/loss', 'sft/lr', 'ppo/reward']);
    expect(charts[0].steps).toEqual([1, 2]);
    expect(charts[0].values).toEqual([3, 2]);
    expect(charts[2].values).toEqual([null]);
    expect(html).toContain('<h1>Run &lt;vi&gt;</h1>');
  });

  it('renders tables and escapes side-by-side samples', () => {
    const html = renderHtmlReport({
      title: 't', metrics: [],
      tables: [{ title: 'Before / after', rows: [{ model: 'sft', reward: 0.4 }, { model: 'ppo', reward: 0.7 }] }],
      samples: [{ prompt: '2 + 2 = ?', outputs: { sft: '<b>5</b>', ppo: '4' } }],
    });
    expect(html).toContain('<tr><td>ppo</td><td>0.7</td></tr>');
    expect(html).toContain('<td><pre>&lt;b&gt;5&lt;/b&gt;</pre></td>');
  });
});
