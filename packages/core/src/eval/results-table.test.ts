import type { TaskResult } from './evaluation-types';
import { toResultsFile } from './results-file';
import { averageRows, metricCell, resultRows } from './results-table';

const result = (lang: string, acc: number): TaskResult => ({
  name: `arc_${lang}`, task: 'arc', lang, version: 0, split: 'test', shots: 25, n: 100,
  metrics: { acc, acc_stderr: 0.0125, acc_norm: acc + 0.01, acc_norm_stderr: 0.02 }, seconds: 50, itemsPerSecond: 2, files: { scored: `m_arc/${lang}_test.json`, fewShot: `m_arc/${lang}_train.json` },
});

describe('results reporting', () => {
  it('formats metrics in percent with their stderr', () => {
    expect(metricCell({ acc: 0.25, acc_stderr: 0.0125 }, 'acc')).toBe('25.00 ± 1.25');
    expect(metricCell({ acc: 0.25 }, 'acc_norm')).toBe('');
  });

  it('one row per task and language, and the average over languages', () => {
    const rows = resultRows([result('vi', 0.25), result('de', 0.35)]);
    expect(rows[1]).toMatchObject({ task: 'arc', lang: 'de', n: 100, shots: 25, acc: '35.00 ± 1.25', acc_norm: '36.00 ± 2.00', 'items/s': '2.00' });
    expect(resultRows([{ ...result('vi', 0.25), itemsPerSecond: 0.017349 }, { ...result('vi', 0.25), itemsPerSecond: 123.45 }]).map((r) => r['items/s'])).toEqual(['0.0173', '123.5']);
    expect(averageRows([result('vi', 0.25), result('de', 0.35)])).toEqual([{ task: 'arc', languages: 2, acc: '30.00', acc_norm: '31.00' }]);
  });

  it('writes the lm-eval shape: results, versions, config (with shots, split, files per task), n', () => {
    const file = toResultsFile([result('vi', 0.25)], {
      model: 'm', model_args: null, batch_size: 8, device: 'cpu', backend: 'onnx', limit: null, bootstrap_iters: 100000, stderr: 'analytic',
      description_dict: {}, seed: 42, max_length: 2048, data_dir: 'd', okapi_version: '0.1.0', date: '2026-01-01T00:00:00.000Z',
    });
    expect(file.results).toEqual({ arc_vi: { acc: 0.25, acc_stderr: 0.0125, acc_norm: 0.26, acc_norm_stderr: 0.02 } });
    expect(file.versions).toEqual({ arc_vi: 0 });
    expect(file.n).toEqual({ arc_vi: 100 });
    expect(file.config).toMatchObject({ num_fewshot: { arc_vi: 25 }, split: { arc_vi: 'test' }, data_files: { arc_vi: { scored: 'm_arc/vi_test.json' } } });
    expect(file.timing).toEqual({ arc_vi: { seconds: 50, items_per_second: 2 } });
  });
});
