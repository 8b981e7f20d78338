// Test-only: reads the ONNX fixture `tiny-random-llama-onnx` (fp16 initializers in external data, HF-like
// names) and maps its weights to HF LlamaForCausalLM names and layouts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { halfToFloat32, type ModelWeights } from '@okapi/core';

export const llamaOnnxFixtureDir = join(__dirname, '../../../shared/fixtures/models/tiny-random-llama-onnx');

/** The fixture's LLaMA config (from fixtures/README.md and genai_config.json). */
export const llamaOnnxFixtureConfig = {
  model_type: 'llama',
  vocab_size: 32000,
  hidden_size: 16,
  intermediate_size: 64,
  num_hidden_layers: 2,
  num_attention_heads: 1,
  num_key_value_heads: 1,
  rms_norm_eps: 1e-6,
  rope_theta: 10000,
  max_position_embeddings: 2048,
  tie_word_embeddings: false,
  bos_token_id: 0,
  eos_token_id: 1,
  pad_token_id: 2,
};

const FLOAT16 = 10;

/** HF name of an ONNX initializer, and whether its matrix is stored transposed ([in, out]). */
export function hfNameOf(onnxName: string): { name: string; transposed: boolean } | undefined {
  if (onnxName === 'cos_cache' || onnxName === 'sin_cache') return undefined;
  if (onnxName.endsWith('final_norm_layernorm.weight')) return { name: 'model.norm.weight', transposed: false };
  if (onnxName.endsWith('.MatMul.weight')) {
    return { name: onnxName.replace('.attn.', '.self_attn.').replace('.MatMul.weight', '.weight'), transposed: true };
  }
  return { name: onnxName, transposed: false };
}

function transpose(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  return out;
}

/** Every initializer decoded to float32 by ONNX name, with its ONNX dims. */
export function readOnnxInitializers(dir = llamaOnnxFixtureDir): Map<string, { dims: number[]; data: Float32Array }> {
  const model = onnx.ModelProto.decode(readFileSync(join(dir, 'model.onnx')));
  const external = readFileSync(join(dir, 'model.onnx.data'));
  const out = new Map<string, { dims: number[]; data: Float32Array }>();
  for (const t of model.graph!.initializer!) {
    if (t.dataType !== FLOAT16) throw new Error(`${t.name}: expected float16 initializers, got type ${t.dataType}`);
    const info = Object.fromEntries((t.externalData ?? []).map((e) => [e.key, e.value]));
    const offset = Number(info.offset ?? 0);
    const bytes = external.subarray(offset, offset + Number(info.length));
    const halves = new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    out.set(t.name!, { dims: t.dims!.map(Number), data: Float32Array.from(halves, halfToFloat32) });
  }
  return out;
}

/** The fixture's weights under HF names, Linear weights as [out, in]. */
export function loadLlamaOnnxFixtureWeights(dir = llamaOnnxFixtureDir): ModelWeights {
  const weights: ModelWeights = new Map();
  for (const [onnxName, t] of readOnnxInitializers(dir)) {
    const mapped = hfNameOf(onnxName);
    if (mapped === undefined) continue;
    const [rows, cols] = t.dims;
    const data = mapped.transposed ? transpose(t.data, rows, cols) : t.data;
    const shape = mapped.transposed ? [cols, rows] : t.dims;
    weights.set(mapped.name, { dtype: 'float32', shape, data });
  }
  return weights;
}
