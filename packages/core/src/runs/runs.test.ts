import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { latestCheckpoint, listCheckpoints, saveCheckpoint } from './checkpoint-rotation';
import { MetricsLog } from './metrics-log';

describe('run directory pieces', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => { tmp = makeTempDir('runs'); });
  afterEach(() => tmp.remove());

  it('appends metrics as JSON lines and survives a torn last line', () => {
    const sut = new MetricsLog(path.join(tmp.dir, 'metrics.jsonl'));
    sut.append('sft', 1, { loss: 2.5 });
    sut.append('sft', 2, { loss: 2.0 });
    appendFileSync(sut.path, '{"stage":"sft","st');
    expect(sut.read().map((r) => [r.stage, r.step, r.values.loss])).toEqual([['sft', 1, 2.5], ['sft', 2, 2.0]]);
    expect(sut.truncateAfter('sft', 1)).toHaveLength(1);
  });

  it('keeps the newest N checkpoints and never exposes a half-written one', async () => {
    const dir = path.join(tmp.dir, 'checkpoints');
    mkdirSync(dir);
    for (const step of [10, 20, 30]) {
      await saveCheckpoint(dir, step, 2, async (temp) => {
        mkdirSync(temp);
        writeFileSync(path.join(temp, 'state.json'), JSON.stringify({ step }));
      });
    }
    expect(listCheckpoints(dir).map((c) => c.step)).toEqual([20, 30]);
    expect(JSON.parse(readFileSync(path.join(latestCheckpoint(dir)!.path, 'state.json'), 'utf8'))).toEqual({ step: 30 });

    const failing = saveCheckpoint(dir, 40, 2, async (temp) => {
      mkdirSync(temp);
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(latestCheckpoint(dir)!.step).toBe(30);
    expect(existsSync(path.join(dir, 'step-40'))).toBe(false);
  });
});
