import path from 'node:path';
import { OnnxBackend } from '@okapi/backend-onnx';
import {
  buildCausalLmGraph, buildDecodeGraph, buildDecoderGraph, FamilyRegistry, loadModelDirectory, OkapiError, resolveUserPath,
  type CommandDescriptor, type Graph, type LoadedModel,
} from '@okapi/core';
import { inlineWeightBytes, writeModelFolderFiles } from './export-folder';

const graphKinds = ['decoder', 'forward', 'static-cache'] as const;
type GraphKind = (typeof graphKinds)[number];

function graphFor(kind: GraphKind, model: LoadedModel, options: Readonly<Record<string, unknown>>): Graph {
  const slots = options.kvCache as number | undefined;
  if (options.numLogitsToKeep === true && kind !== 'decoder') throw new OkapiError('--num-logits-to-keep applies to --graph decoder only.', { hint: 'Drop it, or export the decoder.' });
  if (kind === 'decoder') return buildDecoderGraph(model.arch, undefined, { numLogitsToKeep: options.numLogitsToKeep === true });
  if (kind === 'forward') return buildCausalLmGraph(model.arch, { batch: 'batch_size', seq: 'sequence_length' });
  if (slots === undefined) throw new OkapiError('--graph static-cache needs --kv-cache <slots>.', { hint: 'Example: okapi export --model DIR --graph static-cache --kv-cache 256' });
  return buildDecodeGraph(model.arch, { batch: 'batch_size', maxLength: slots });
}

function graphKindOf(options: Readonly<Record<string, unknown>>): GraphKind {
  const named = options.graph as GraphKind | undefined;
  if (named !== undefined) return named;
  return options.kvCache === undefined ? 'decoder' : 'static-cache';
}

/** `okapi export --format onnx`: a model directory as a transformers.js-shaped ONNX model folder. */
export const exportCommand: CommandDescriptor = {
  name: 'export',
  summary: 'Export a model directory to ONNX (a transformers.js / Optimum model folder)',
  description: 'Writes <output>/onnx/model.onnx (+ onnx/model.onnx_data when the weights exceed 1.8 GB, flagged in config.json as transformers.js_config.use_external_data_format) beside config.json, generation_config.json and the tokenizer files, a folder transformers.js and plain onnxruntime load. '
    + 'Default graph (decoder): input_ids, attention_mask [batch_size, past_sequence_length+sequence_length], position_ids (not for BLOOM, whose ALiBi reads the mask), past_key_values.N.key/value [batch_size, kv_heads, past_sequence_length, head_dim] (empty on the first call) → logits [batch_size, sequence_length, vocab], present.N.key/value (the past grown by the call\'s tokens). '
    + 'With --num-logits-to-keep the decoder also takes num_logits_to_keep (int64 scalar; logits [batch_size, num_logits, vocab] for the last that many positions, 0 = all), which transformers.js sets to 1 while generating, so a prefill skips the LM head for the prompt. '
    + '--graph forward: input_ids, attention_mask → logits, no cache. --graph static-cache (or --kv-cache N alone): the decode step over a static cache of N slots that okapi generates with. An --output ending in .onnx writes only that file.',
  examples: [
    'okapi export --model runs/demo-vi/ppo/final --format onnx --output exported/demo-vi',
    'okapi export --model runs/demo-vi/ppo/final --format onnx --graph forward --output exported/forward.onnx',
    'okapi export --model runs/demo-vi/ppo/final --format onnx --kv-cache 256 --output exported/decoder.onnx',
  ],
  options: [
    { flags: '--model <dir>', description: 'model directory (Hugging Face layout)' },
    { flags: '--format <format>', description: 'export format', choices: ['onnx'] },
    { flags: '--output <dir>', description: 'model folder to write (default: the model directory); a path ending in .onnx writes only that file' },
    { flags: '--graph <kind>', description: 'decoder (growing past, default), forward (no cache) or static-cache', choices: graphKinds },
    { flags: '--kv-cache <slots>', description: 'slots of the static cache (--graph static-cache)', parse: 'int' },
    { flags: '--num-logits-to-keep', description: 'decoder: add the int64 scalar input num_logits_to_keep (logits of the last N positions, 0 = all; transformers.js feeds 1 while generating)' },
  ],
  needsValidConfig: false,
  async run({ scope, out, options }) {
    if (options.model === undefined) throw new OkapiError('Missing --model.', { hint: 'Example: okapi export --model DIR --format onnx --output OUT' });
    if ((options.format ?? 'onnx') !== 'onnx') throw new OkapiError(`Unsupported format '${String(options.format)}'.`, { hint: 'Use --format onnx.' });
    const modelDir = resolveUserPath(scope, options.model as string);
    const model = await loadModelDirectory(modelDir, scope.resolve(FamilyRegistry), { logger: scope.logger });
    const graph = graphFor(graphKindOf(options), model, options);
    const output = resolveUserPath(scope, (options.output as string | undefined) ?? modelDir);
    const fileOnly = output.endsWith('.onnx');
    const target = fileOnly ? output : path.join(output, 'onnx', 'model.onnx');
    const backend = scope.resolve(OnnxBackend);
    await backend.init();
    try {
      const weights = Object.fromEntries(model.weights);
      const result = await backend.exportModel(graph, { path: target, weights, inlineUpTo: fileOnly ? 0 : inlineWeightBytes });
      out.print(`Wrote ${result.modelPath}${result.dataPath ? ` and ${result.dataPath} (${(result.externalBytes / 2 ** 20).toFixed(1)} MiB of weights)` : ''}`);
      if (!fileOnly) {
        const files = await writeModelFolderFiles(modelDir, output, result.dataPath !== undefined);
        if (files.length > 0) out.print(`Wrote ${files.join(', ')} in ${output}`);
      }
    } finally {
      await backend.dispose();
    }
  },
};
