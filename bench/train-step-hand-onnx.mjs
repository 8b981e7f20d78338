// The same LLaMA-style stack written directly as ONNX (no IR): what an exporter such as optimum
// would produce (SimplifiedLayerNormalization, com.microsoft RotaryEmbedding, weights as initializers).
// It is the reference for "our graph + runtime overhead is small".
import { OnnxModelBuilder } from '@okapi/backend-onnx';
import * as ort from 'onnxruntime-node';

const MS = 'com.microsoft';

function buildModel(shape, weights, pos) {
  const { batch: b, seq: s, hidden: h, heads } = shape;
  const d = h / heads;
  const m = new OnnxModelBuilder('hand-llama-stack');
  const w = (name) => m.addInitializer(name, 'float32', weights[name].shape, weights[name].data);
  const ints = (hint, v) => m.addInitializer(hint, 'int64', [v.length], BigInt64Array.from(v.map(BigInt)));
  const half = (t) => new Float32Array(Array.from({ length: s * d / 2 }, (_, i) => t.data[Math.floor(i / (d / 2)) * d + (i % (d / 2))]));
  const cosCache = m.addInitializer('cos_cache', 'float32', [s, d / 2], half(pos.cos));
  const sinCache = m.addInitializer('sin_cache', 'float32', [s, d / 2], half(pos.sin));
  const mask = m.addInitializer('mask', 'float32', pos.mask.shape, pos.mask.data);
  const positions = m.addInitializer('position_ids', 'int64', [b, s], BigInt64Array.from({ length: b * s }, (_, i) => BigInt(i % s)));
  const heads4 = ints('heads_shape', [b, s, heads, d]);
  const flat = ints('flat_shape', [b, s, h]);
  const scale = m.addInitializer('scale', 'float32', [], new Float32Array([1 / Math.sqrt(d)]));
  const norm = (x, name) => m.op('SimplifiedLayerNormalization', [x, w(name)], { axis: { int: -1 }, epsilon: { float: 1e-6 } });
  const split = (x) => m.op('Transpose', [m.op('Reshape', [x, heads4])], { perm: { ints: [0, 2, 1, 3] } });
  const rope = (x) => m.op('RotaryEmbedding', [x, positions, cosCache, sinCache], { interleaved: { int: 0 } }, MS);
  let x = m.addInput('hidden_states', 'float32', [b, s, h]);
  for (let l = 0; l < shape.layers; l++) {
    const p = `model.layers.${l}`;
    const n1 = norm(x, `${p}.input_layernorm.weight`);
    const q = rope(split(m.op('MatMul', [n1, w(`${p}.self_attn.q_proj.weight`)])));
    const k = rope(split(m.op('MatMul', [n1, w(`${p}.self_attn.k_proj.weight`)])));
    const v = split(m.op('MatMul', [n1, w(`${p}.self_attn.v_proj.weight`)]));
    const kT = m.op('Transpose', [k], { perm: { ints: [0, 1, 3, 2] } });
    const scores = m.op('Add', [m.op('Mul', [m.op('MatMul', [q, kT]), scale]), mask]);
    const ctx = m.op('MatMul', [m.op('Softmax', [scores], { axis: { int: -1 } }), v]);
    const merged = m.op('Reshape', [m.op('Transpose', [ctx], { perm: { ints: [0, 2, 1, 3] } }), flat]);
    x = m.op('Add', [x, m.op('MatMul', [merged, w(`${p}.self_attn.o_proj.weight`)])]);
    const n2 = norm(x, `${p}.post_attention_layernorm.weight`);
    const gate = m.op('MatMul', [n2, w(`${p}.mlp.gate_proj.weight`)]);
    const up = m.op('MatMul', [n2, w(`${p}.mlp.up_proj.weight`)]);
    const act = m.op('Mul', [m.op('Mul', [gate, m.op('Sigmoid', [gate])]), up]);
    x = m.op('Add', [x, m.op('MatMul', [act, w(`${p}.mlp.down_proj.weight`)])]);
  }
  m.addOutput('y', norm(x, 'model.norm.weight'), 'float32', [b, s, h]);
  return m.encode();
}

/** An onnxruntime session on the hand-written model; `run()` returns the output data. */
export async function handExportedRunner(shape, weights, input, pos, threads) {
  const session = await ort.InferenceSession.create(buildModel(shape, weights, pos), {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
  });
  const feeds = { hidden_states: new ort.Tensor('float32', input.data, input.shape) };
  return { run: async () => (await session.run(feeds)).y.data, release: () => session.release() };
}
