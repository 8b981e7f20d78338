import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FamilyRegistry, OkapiError, bloomFamily, llamaFamily, loadModelDirectory, saveHfCheckpoint, saveModelDirectory } from '@okapi/core';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';

const families = new FamilyRegistry([llamaFamily, bloomFamily]);

describe('model directories (save → load)', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'okapi-model-dir-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it.each([['llama', tinyLlamaConfig()], ['bloom', tinyBloomConfig()]])('%s: F32 round trip is bit-exact, config keys survive', async (_label, config) => {
    const model = tinyModel(config, 2);
    const dir = fresh();
    await saveModelDirectory(dir, model.arch, model.weights);
    const loaded = await loadModelDirectory(dir, families);
    expect(loaded.family.id).toBe(model.family.id);
    expect([...loaded.weights.keys()].sort()).toEqual([...model.weights.keys()].sort());
    for (const [name, t] of model.weights) expect(loaded.weights.get(name)!.data).toEqual(t.data);
    const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    for (const [key, value] of Object.entries(config)) if (key !== 'architectures') expect(saved[key]).toEqual(value);
  });

  it('loads a bare BloomModel checkpoint (names without the transformer. prefix)', async () => {
    const model = tinyModel(tinyBloomConfig(), 4);
    const dir = fresh();
    const tensors = [...model.weights].map(([name, t]) => ({ name: name.replace(/^transformer\./, ''), shape: t.shape, data: t.data }));
    await saveHfCheckpoint(dir, { config: model.arch.toHfConfig(), tensors });
    const loaded = await loadModelDirectory(dir, families);
    expect(loaded.weights.get('transformer.h.1.mlp.dense_4h_to_h.weight')!.data).toEqual(model.weights.get('transformer.h.1.mlp.dense_4h_to_h.weight')!.data);
  });

  it('names a missing tensor and a misshapen one', async () => {
    const model = tinyModel(tinyLlamaConfig(), 5);
    const missingDir = fresh();
    const all = [...model.weights].map(([name, t]) => ({ name, shape: t.shape, data: t.data }));
    await saveHfCheckpoint(missingDir, { config: model.arch.toHfConfig(), tensors: all.filter((t) => t.name !== 'model.layers.1.mlp.up_proj.weight') });
    await expect(loadModelDirectory(missingDir, families)).rejects.toThrow(/model\.layers\.1\.mlp\.up_proj\.weight/);
    const shapeDir = fresh();
    await saveHfCheckpoint(shapeDir, { config: { ...model.arch.toHfConfig(), intermediate_size: 48 }, tensors: all });
    await expect(loadModelDirectory(shapeDir, families)).rejects.toThrow(OkapiError);
    await expect(loadModelDirectory(shapeDir, families)).rejects.toThrow(/gate_proj\.weight' is \[40, 32\], expected \[48, 32\]/);
  });

  it('loads a reward model with a fresh score head when the SFT checkpoint has none', async () => {
    const model = tinyModel(tinyLlamaConfig(), 6);
    const dir = fresh();
    await saveModelDirectory(dir, model.arch, model.weights);
    await expect(loadModelDirectory(dir, families, { head: 'score' })).rejects.toThrow(/score\.weight/);
    const head = tinyModel(tinyLlamaConfig(), 7, 'score').weights;
    const loaded = await loadModelDirectory(dir, families, { head: 'score', fallback: new Map([['score.weight', head.get('score.weight')!]]) });
    expect(loaded.weights.get('score.weight')!.shape).toEqual([1, 32]);
  });

  it('saves a reward model with the *ForSequenceClassification config transformers expects', async () => {
    const model = tinyModel(tinyBloomConfig(), 8, 'score');
    const dir = fresh();
    await saveModelDirectory(dir, model.arch, model.weights, { head: 'score' });
    const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(saved).toMatchObject({ architectures: ['BloomForSequenceClassification'], num_labels: 1, id2label: { 0: 'LABEL_0' }, label2id: { LABEL_0: 0 } });
    const loaded = await loadModelDirectory(dir, families, { head: 'score' });
    expect(loaded.weights.get('score.weight')!.data).toEqual(model.weights.get('score.weight')!.data);
  });
});
