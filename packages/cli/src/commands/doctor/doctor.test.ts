import { runCliInProcess } from '../../../../../test/helpers/run-cli';
import { makeTempDir } from '../../../../../test/helpers/temp-dir';

describe('okapi doctor', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => { tmp = makeTempDir('doctor'); });
  afterAll(() => tmp.remove());

  it('reports node, each backend, optional packages and disk space', async () => {
    const result = await runCliInProcess(['doctor', '--json'], tmp.dir);
    expect(result.code).toBe(0);
    const rows: { check: string; ok: boolean; details: string }[] = JSON.parse(result.stdout);
    expect(rows.find((r) => r.check === 'node')).toMatchObject({ ok: true, details: expect.stringContaining(process.versions.node) });
    expect(rows.map((r) => r.check)).toEqual(expect.arrayContaining(['backend onnx', 'optional @tensorflow/tfjs-node-gpu', 'disk']));
    expect(rows.find((r) => r.check === 'optional @tensorflow/tfjs-node-gpu')!.details).toContain('npm install @tensorflow/tfjs-node-gpu');
  });

  it('fails the disk check for a model that cannot fit', async () => {
    const rows: { check: string; ok: boolean; details: string }[] = JSON.parse((await runCliInProcess(['doctor', '--json', '--model-size', '1e15'], tmp.dir)).stdout);
    expect(rows.find((r) => r.check === 'disk')).toMatchObject({ ok: false, details: expect.stringMatching(/needs about [\d.]+ GiB/) });
  });
});
