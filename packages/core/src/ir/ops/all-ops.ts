// Core's op set, listed explicitly (one file per op).
import { OpRegistry } from '../op-registry';
import { Add } from './add';
import { AlibiBias } from './alibi-bias';
import { And } from './and';
import { Cast } from './cast';
import { CausalAttention } from './causal-attention';
import { Concat } from './concat';
import { Constant } from './constant';
import { Cos } from './cos';
import { CrossEntropy } from './cross-entropy';
import { CumSum } from './cum-sum';
import { Div } from './div';
import { Equal } from './equal';
import { Erf } from './erf';
import { Exp } from './exp';
import { Expand } from './expand';
import { GatherGrad } from './gather-grad';
import { Gather } from './gather';
import { Gelu } from './gelu';
import { Greater } from './greater';
import { Iota } from './iota';
import { LayerNorm } from './layer-norm';
import { Less } from './less';
import { LogSoftmaxGather } from './log-softmax-gather';
import { LogSoftmax } from './log-softmax';
import { Log } from './log';
import { MatMul } from './matmul';
import { Max } from './max';
import { Min } from './min';
import { Mul } from './mul';
import { Neg } from './neg';
import { Not } from './not';
import { Or } from './or';
import { Pow } from './pow';
import { ReduceMax } from './reduce-max';
import { ReduceMean } from './reduce-mean';
import { ReduceSum } from './reduce-sum';
import { Relu } from './relu';
import { Reshape } from './reshape';
import { RMSNorm } from './rms-norm';
import { Rotary } from './rotary';
import { Sigmoid } from './sigmoid';
import { Silu } from './silu';
import { Sin } from './sin';
import { Slice } from './slice';
import { Softmax } from './softmax';
import { Sqrt } from './sqrt';
import { Sub } from './sub';
import { Tanh } from './tanh';
import { Transpose } from './transpose';
import { Where } from './where';

export const coreOpDefs = [
  Add,
  AlibiBias,
  And,
  Cast,
  CausalAttention,
  Concat,
  Constant,
  Cos,
  CrossEntropy,
  CumSum,
  Div,
  Equal,
  Erf,
  Exp,
  Expand,
  GatherGrad,
  Gather,
  Gelu,
  Greater,
  Iota,
  LayerNorm,
  Less,
  LogSoftmaxGather,
  LogSoftmax,
  Log,
  MatMul,
  Max,
  Min,
  Mul,
  Neg,
  Not,
  Or,
  Pow,
  ReduceMax,
  ReduceMean,
  ReduceSum,
  Relu,
  Reshape,
  RMSNorm,
  Rotary,
  Sigmoid,
  Silu,
  Sin,
  Slice,
  Softmax,
  Sqrt,
  Sub,
  Tanh,
  Transpose,
  Where,
] as const;

/** Every op of the IR; the default registry of `createGraph`. */
export const coreOps = new OpRegistry(coreOpDefs);
