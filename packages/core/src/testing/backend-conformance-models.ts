import { causalMask, maskToBias, ops, rotaryCosSin, type Graph, type Value } from '../ir';
import type { ForwardFn, TrainableParam } from '../optim/training-graph';

export interface MlpShape { readonly inputs: number; readonly hidden: number; readonly outputs: number }

function param(g: Graph, params: TrainableParam[], name: string, shape: readonly number[], decay = true): Value {
  const value = g.input(name, 'float32', shape);
  params.push({ name, value, decay });
  return value;
}

/** 2-layer tanh MLP with mean-squared-error loss; data inputs 'x' [n, inputs] and 'y' [n, outputs]. */
export function mlpForward(shape: MlpShape, rows: number | string = 'batch'): ForwardFn {
  return (g) => {
    const params: TrainableParam[] = [];
    const x = g.input('x', 'float32', [rows, shape.inputs]);
    const y = g.input('y', 'float32', [rows, shape.outputs]);
    const w1 = param(g, params, 'fc1.weight', [shape.inputs, shape.hidden]);
    const b1 = param(g, params, 'fc1.bias', [shape.hidden], false);
    const w2 = param(g, params, 'fc2.weight', [shape.hidden, shape.outputs]);
    const b2 = param(g, params, 'fc2.bias', [shape.outputs], false);
    const hidden = ops.tanh(ops.add(ops.matmul(x, w1), b1));
    const diff = ops.sub(ops.add(ops.matmul(hidden, w2), b2), y);
    return { loss: ops.reduceMean(ops.mul(diff, diff), [], false), params };
  };
}

export interface BlockShape { readonly batch: number | string; readonly seq: number | string; readonly hidden: number; readonly heads: number }

/**
 * A LLaMA-style pre-norm block (RMSNorm, rotary, causal softmax attention, SiLU-gated MLP, residuals)
 * on x [batch, seq, hidden]; returns the block output. Params are declared as graph inputs.
 */
export function transformerBlock(g: Graph, x: Value, s: BlockShape, params: TrainableParam[]): Value {
  const headDim = s.hidden / s.heads;
  const p = (name: string, shape: readonly number[], decay = true) => param(g, params, name, shape, decay);
  const positions = g.input('position_ids', 'int64', [s.batch, s.seq]);
  const heads = (v: Value) => ops.transpose(ops.reshape(v, [s.batch, s.seq, s.heads, headDim]), [0, 2, 1, 3]);
  const h = ops.rmsNorm(x, p('input_layernorm.weight', [s.hidden], false));
  const { cos, sin } = rotaryCosSin(positions, headDim);
  const q = ops.rotary(heads(ops.matmul(h, p('q_proj', [s.hidden, s.hidden]))), cos, sin);
  const k = ops.rotary(heads(ops.matmul(h, p('k_proj', [s.hidden, s.hidden]))), cos, sin);
  const v = heads(ops.matmul(h, p('v_proj', [s.hidden, s.hidden])));
  const bias = maskToBias(ops.unsqueeze(causalMask(positions, s.seq), 1));
  const scores = ops.add(ops.mul(ops.matmul(q, ops.transposeLast2(k)), 1 / Math.sqrt(headDim)), bias);
  const attended = ops.reshape(ops.transpose(ops.matmul(ops.softmax(scores), v), [0, 2, 1, 3]), [s.batch, s.seq, s.hidden]);
  const x1 = ops.add(x, ops.matmul(attended, p('o_proj', [s.hidden, s.hidden])));
  const h2 = ops.rmsNorm(x1, p('post_attention_layernorm.weight', [s.hidden], false));
  const gate = ops.silu(ops.matmul(h2, p('gate_proj', [s.hidden, 2 * s.hidden])));
  const mlp = ops.matmul(ops.mul(gate, ops.matmul(h2, p('up_proj', [s.hidden, 2 * s.hidden]))), p('down_proj', [2 * s.hidden, s.hidden]));
  return ops.add(x1, mlp);
}

/** The block with an MSE loss against 'target' [batch, seq, hidden]. */
export function attentionBlockForward(s: BlockShape): ForwardFn {
  return (g) => {
    const params: TrainableParam[] = [];
    const x = g.input('x', 'float32', [s.batch, s.seq, s.hidden]);
    const target = g.input('target', 'float32', [s.batch, s.seq, s.hidden]);
    const diff = ops.sub(transformerBlock(g, x, s, params), target);
    return { loss: ops.reduceMean(ops.mul(diff, diff), [], false), params };
  };
}
