import path from 'node:path';
import { OnnxBackend } from '@okapi/backend-onnx';
import {
  buildCausalLmGraph, buildDecodeGraph, FamilyRegistry, loadModelDirectory, OkapiError, resolveUserPath, type CommandDescriptor,
} from '@okapi/core';

/** `okapi export --format onnx`: a model directory as standalone ONNX that plain onnxruntime runs. */
export const exportCommand: CommandDescriptor = {
  name: 'export',
  summary: 'Export a model directory to ONNX (full forward, or the static-KV-cache decode step)',
  description: 'Writes <output> (+ <output>.data for large weights). Default graph: input_ids, attention_mask [batch, seq] (int64) → logits [batch, seq, vocab], batch and seq dynamic. With --kv-cache N: one decode step over a static cache of N slots (input_ids, attention_mask, position_ids, cache_position, past_key_values.L.key/value → logits, present.L.key/value), the graph okapi itself generates with.',
  examples: [
    'okapi export --model runs/demo-vi/ppo/final --format onnx --output exported/model.onnx',
    'okapi export --model runs/demo-vi/ppo/final --format onnx --kv-cache 256 --output exported/decoder.onnx',
  ],
  options: [
    { flags: '--model <dir>', description: 'model directory (Hugging Face layout)' },
    { flags: '--format <format>', description: 'export format', choices: ['onnx'] },
    { flags: '--output <file>', description: 'the .onnx file to write (default: <model>/onnx/model.onnx)' },
    { flags: '--kv-cache <slots>', description: 'export the decode step over a static cache of this many slots', parse: 'int' },
  ],
  needsValidConfig: false,
  async run({ scope, out, options }) {
    if (options.model === undefined) throw new OkapiError('Missing --model.', { hint: 'Example: okapi export --model DIR --format onnx' });
    if ((options.format ?? 'onnx') !== 'onnx') throw new OkapiError(`Unsupported format '${String(options.format)}'.`, { hint: 'Use --format onnx.' });
    const modelDir = resolveUserPath(scope, options.model as string);
    const model = await loadModelDirectory(modelDir, scope.resolve(FamilyRegistry));
    const slots = options.kvCache as number | undefined;
    const graph = slots === undefined
      ? buildCausalLmGraph(model.arch, { batch: 'batch', seq: 'seq' })
      : buildDecodeGraph(model.arch, { batch: 'batch', maxLength: slots });
    const target = resolveUserPath(scope, (options.output as string | undefined) ?? path.join(modelDir, 'onnx', 'model.onnx'));
    const backend = scope.resolve(OnnxBackend);
    await backend.init();
    try {
      const result = await backend.exportModel(graph, { path: target, weights: Object.fromEntries(model.weights) });
      out.print(`Wrote ${result.modelPath}${result.dataPath ? ` and ${result.dataPath} (${(result.externalBytes / 2 ** 20).toFixed(1)} MiB of weights)` : ''}`);
    } finally {
      await backend.dispose();
    }
  },
};
