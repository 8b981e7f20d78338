// The built-in lowering of each IR op, listed explicitly (one file per op, tfjs register_all_kernels style).
// Fused ops not listed here (AlibiBias) are lowered through their IR decomposition.
import type { OnnxLowering } from './onnx-lowering';
import { lowerAdd } from './ops/add';
import { lowerAnd } from './ops/and';
import { lowerCast } from './ops/cast';
import { lowerConcat } from './ops/concat';
import { lowerConstant } from './ops/constant';
import { lowerCos } from './ops/cos';
import { lowerCrossEntropy } from './ops/cross-entropy';
import { lowerCumSum } from './ops/cum-sum';
import { lowerDiv } from './ops/div';
import { lowerEqual } from './ops/equal';
import { lowerErf } from './ops/erf';
import { lowerExp } from './ops/exp';
import { lowerExpand } from './ops/expand';
import { lowerGatherGrad } from './ops/gather-grad';
import { lowerGather } from './ops/gather';
import { lowerGelu } from './ops/gelu';
import { lowerGreater } from './ops/greater';
import { lowerIota } from './ops/iota';
import { lowerLayerNorm } from './ops/layer-norm';
import { lowerLess } from './ops/less';
import { lowerLogSoftmaxGather } from './ops/log-softmax-gather';
import { lowerLogSoftmax } from './ops/log-softmax';
import { lowerLog } from './ops/log';
import { lowerMatMul } from './ops/matmul';
import { lowerMax } from './ops/max';
import { lowerMin } from './ops/min';
import { lowerMul } from './ops/mul';
import { lowerNeg } from './ops/neg';
import { lowerNot } from './ops/not';
import { lowerOr } from './ops/or';
import { lowerPow } from './ops/pow';
import { lowerReduceMax } from './ops/reduce-max';
import { lowerReduceMean } from './ops/reduce-mean';
import { lowerReduceSum } from './ops/reduce-sum';
import { lowerRelu } from './ops/relu';
import { lowerReshape } from './ops/reshape';
import { lowerRMSNorm } from './ops/rms-norm';
import { lowerRotary } from './ops/rotary';
import { lowerSigmoid } from './ops/sigmoid';
import { lowerSilu } from './ops/silu';
import { lowerSin } from './ops/sin';
import { lowerSlice } from './ops/slice';
import { lowerTakeLast } from './ops/take-last';
import { lowerSoftmax } from './ops/softmax';
import { lowerSqrt } from './ops/sqrt';
import { lowerSub } from './ops/sub';
import { lowerTanh } from './ops/tanh';
import { lowerTranspose } from './ops/transpose';
import { lowerWhere } from './ops/where';

/** IR op name → lowering. */
export const builtinLowerings: ReadonlyMap<string, OnnxLowering> = new Map<string, OnnxLowering>([
  ['Add', lowerAdd],
  ['And', lowerAnd],
  ['Cast', lowerCast],
  ['Concat', lowerConcat],
  ['Constant', lowerConstant],
  ['Cos', lowerCos],
  ['CrossEntropy', lowerCrossEntropy],
  ['CumSum', lowerCumSum],
  ['Div', lowerDiv],
  ['Equal', lowerEqual],
  ['Erf', lowerErf],
  ['Exp', lowerExp],
  ['Expand', lowerExpand],
  ['GatherGrad', lowerGatherGrad],
  ['Gather', lowerGather],
  ['Gelu', lowerGelu],
  ['Greater', lowerGreater],
  ['Iota', lowerIota],
  ['LayerNorm', lowerLayerNorm],
  ['Less', lowerLess],
  ['LogSoftmaxGather', lowerLogSoftmaxGather],
  ['LogSoftmax', lowerLogSoftmax],
  ['Log', lowerLog],
  ['MatMul', lowerMatMul],
  ['Max', lowerMax],
  ['Min', lowerMin],
  ['Mul', lowerMul],
  ['Neg', lowerNeg],
  ['Not', lowerNot],
  ['Or', lowerOr],
  ['Pow', lowerPow],
  ['ReduceMax', lowerReduceMax],
  ['ReduceMean', lowerReduceMean],
  ['ReduceSum', lowerReduceSum],
  ['Relu', lowerRelu],
  ['Reshape', lowerReshape],
  ['RMSNorm', lowerRMSNorm],
  ['Rotary', lowerRotary],
  ['Sigmoid', lowerSigmoid],
  ['Silu', lowerSilu],
  ['Sin', lowerSin],
  ['Slice', lowerSlice],
  ['TakeLast', lowerTakeLast],
  ['Softmax', lowerSoftmax],
  ['Sqrt', lowerSqrt],
  ['Sub', lowerSub],
  ['Tanh', lowerTanh],
  ['Transpose', lowerTranspose],
  ['Where', lowerWhere],
]);
