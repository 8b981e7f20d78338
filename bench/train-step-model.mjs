// The benchmark's LLaMA-style block stack, traced in core's IR: pre-RMSNorm attention with rotary
// embeddings and a causal mask, SwiGLU MLP, residuals; a final RMSNorm and a mean-squared-error loss
// against a target (no embedding / vocabulary: the stack is what is measured).
import { createGraph, grad, hostTensor, ops } from '@okapi/core';

export const benchShape = { hidden: 512, heads: 8, layers: 4, seq: 256, batch: 4, intermediate: 1376 };

/** Parameter names and shapes, HF LLaMA naming. */
export function parameterSpecs(shape) {
  const { hidden: h, intermediate: f, layers } = shape;
  const specs = [];
  for (let l = 0; l < layers; l++) {
    const p = `model.layers.${l}`;
    specs.push([`${p}.input_layernorm.weight`, [h]]);
    for (const n of ['q', 'k', 'v', 'o']) specs.push([`${p}.self_attn.${n}_proj.weight`, [h, h]]);
    specs.push([`${p}.post_attention_layernorm.weight`, [h]]);
    specs.push([`${p}.mlp.gate_proj.weight`, [h, f]], [`${p}.mlp.up_proj.weight`, [h, f]], [`${p}.mlp.down_proj.weight`, [f, h]]);
  }
  specs.push(['model.norm.weight', [h]]);
  return specs;
}

/** Seeded weights: norms = 1, projections ~ U(-a, a) with a = 1/sqrt(fan_in). */
export function initialWeights(shape, seed = 1) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  return Object.fromEntries(parameterSpecs(shape).map(([name, dims]) => {
    const n = dims.reduce((a, b) => a * b, 1);
    const a = dims.length === 1 ? 0 : 1 / Math.sqrt(dims[0]);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = dims.length === 1 ? 1 : a * next();
    return [name, { dtype: 'float32', shape: dims, data }];
  }));
}

/** cos/sin tables [1, 1, seq, headDim] (HF layout) and the additive causal mask [1, 1, seq, seq]. */
export function positionInputs(shape) {
  const { seq, hidden, heads } = shape;
  const d = hidden / heads;
  const cos = new Float32Array(seq * d);
  const sin = new Float32Array(seq * d);
  for (let p = 0; p < seq; p++) {
    for (let j = 0; j < d; j++) {
      const angle = p / 10000 ** ((2 * (j % (d / 2))) / d);
      cos[p * d + j] = Math.cos(angle);
      sin[p * d + j] = Math.sin(angle);
    }
  }
  const mask = new Float32Array(seq * seq);
  for (let q = 0; q < seq; q++) for (let k = q + 1; k < seq; k++) mask[q * seq + k] = -1e9;
  return {
    cos: { dtype: 'float32', shape: [1, 1, seq, d], data: cos },
    sin: { dtype: 'float32', shape: [1, 1, seq, d], data: sin },
    mask: { dtype: 'float32', shape: [1, 1, seq, seq], data: mask },
  };
}

function attention(x, w, pos, shape, p) {
  const { batch: b, seq: s, hidden: h, heads } = shape;
  const d = h / heads;
  const split = (t) => ops.transpose(ops.reshape(t, [b, s, heads, d]), [0, 2, 1, 3]);
  const q = ops.rotary(split(ops.matmul(x, w(`${p}.q_proj.weight`))), pos.cos, pos.sin);
  const k = ops.rotary(split(ops.matmul(x, w(`${p}.k_proj.weight`))), pos.cos, pos.sin);
  const v = split(ops.matmul(x, w(`${p}.v_proj.weight`)));
  const scores = ops.add(ops.mul(ops.matmul(q, ops.transposeLast2(k)), 1 / Math.sqrt(d)), pos.mask);
  const context = ops.matmul(ops.softmax(scores, -1), v);
  return ops.matmul(ops.reshape(ops.transpose(context, [0, 2, 1, 3]), [b, s, h]), w(`${p}.o_proj.weight`));
}

/** Traces the forward pass; returns { graph, output, params } with params as graph inputs. */
export function traceForward(shape, name = 'llama-stack') {
  const g = createGraph(name);
  const { batch: b, seq: s, hidden: h } = shape;
  const params = new Map(parameterSpecs(shape).map(([n, dims]) => [n, g.input(n, 'float32', dims)]));
  const w = (n) => params.get(n);
  const x0 = g.input('hidden_states', 'float32', [b, s, h]);
  const pos = { cos: g.input('cos', 'float32', [1, 1, s, h / shape.heads]), sin: g.input('sin', 'float32', [1, 1, s, h / shape.heads]), mask: g.input('mask', 'float32', [1, 1, s, s]) };
  let x = x0;
  for (let l = 0; l < shape.layers; l++) {
    const p = `model.layers.${l}`;
    x = ops.add(x, attention(ops.rmsNorm(x, w(`${p}.input_layernorm.weight`), 1e-6), w, pos, shape, `${p}.self_attn`));
    const n2 = ops.rmsNorm(x, w(`${p}.post_attention_layernorm.weight`), 1e-6);
    const mlp = ops.mul(ops.silu(ops.matmul(n2, w(`${p}.mlp.gate_proj.weight`))), ops.matmul(n2, w(`${p}.mlp.up_proj.weight`)));
    x = ops.add(x, ops.matmul(mlp, w(`${p}.mlp.down_proj.weight`)));
  }
  return { graph: g, output: ops.rmsNorm(x, w('model.norm.weight'), 1e-6), params };
}

/** Forward + backward + AdamW as one graph (core autodiff + core AdamW). */
export function traceTrainStep(shape, appendAdamW) {
  const { graph, output, params } = traceForward(shape, 'llama-stack-train');
  const target = graph.input('target', 'float32', [shape.batch, shape.seq, shape.hidden]);
  const diff = ops.sub(output, target);
  const loss = ops.reduceMean(ops.mul(diff, diff), [], false);
  graph.output('loss', loss);
  const names = [...params.keys()];
  const grads = grad(loss, names.map((n) => params.get(n)));
  appendAdamW(names.map((name, i) => ({ name, param: params.get(name), grad: grads[i], decay: !name.endsWith('norm.weight') })), { weightDecay: 0.01 });
  return graph;
}

export const scalar = (v) => hostTensor('float32', [], [v]);
