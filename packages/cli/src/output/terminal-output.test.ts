import { fitColumns } from './terminal-output';

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
