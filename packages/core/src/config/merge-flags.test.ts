import { mergeFlags } from './merge-flags';

describe(mergeFlags.name, () => {
  const file = { backend: { name: 'onnx', device: 'cpu' }, seed: 3 };

  it('puts defined flags on top of file values, by dotted path', () => {
    expect(mergeFlags(file, { 'backend.device': 'cuda', seed: 7 })).toEqual({ backend: { name: 'onnx', device: 'cuda' }, seed: 7 });
  });

  it('never lets an unset flag clobber a file value', () => {
    expect(mergeFlags(file, { 'backend.name': undefined, seed: undefined })).toEqual(file);
  });

  it('creates missing parents and leaves the input untouched', () => {
    const merged = mergeFlags(file, { 'sft.epochs': 1 });
    expect(merged).toEqual({ ...file, sft: { epochs: 1 } });
    expect(file).toEqual({ backend: { name: 'onnx', device: 'cpu' }, seed: 3 });
  });
});
