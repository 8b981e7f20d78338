import { fitColumns, formatNumber } from './terminal-output';

describe(fitColumns.name, () => {
  it('leaves a table that fits alone', () => {
    expect(fitColumns(['a', 'b'], [['x', 'y']], 80)).toBeUndefined();
  });

  it('shrinks the widest column until the table fits the terminal', () => {
    const widths = fitColumns(['check', 'details'], [['node', 'x'.repeat(300)]], 80)!;
    expect(widths[0]).toBe(7);
    expect(widths.reduce((a, b) => a + b, 0) + 3).toBeLessThanOrEqual(80);
  });
});

describe(formatNumber.name, () => {
  it.each([[8, '8'], [3.41975975, '3.42'], [20993.857, '20990'], [0.00038060, '3.806e-4'], [0.1234567, '0.1235'], [123456.7, '1.235e+5']])('%p → %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});
