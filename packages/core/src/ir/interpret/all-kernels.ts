// The float64 reference kernels, one per op (the executable spec of ir/README.md).
import type { RefKernel } from './kernel';
import { AddKernel } from './kernels/add';
import { AlibiBiasKernel } from './kernels/alibi-bias';
import { AndKernel } from './kernels/and';
import { CastKernel } from './kernels/cast';
import { CausalAttentionKernel } from './kernels/causal-attention';
import { ConcatKernel } from './kernels/concat';
import { ConstantKernel } from './kernels/constant';
import { CosKernel } from './kernels/cos';
import { CrossEntropyKernel } from './kernels/cross-entropy';
import { CumSumKernel } from './kernels/cum-sum';
import { DivKernel } from './kernels/div';
import { EqualKernel } from './kernels/equal';
import { ErfKernel } from './kernels/erf';
import { ExpKernel } from './kernels/exp';
import { ExpandKernel } from './kernels/expand';
import { GatherGradKernel } from './kernels/gather-grad';
import { GatherKernel } from './kernels/gather';
import { GeluKernel } from './kernels/gelu';
import { GreaterKernel } from './kernels/greater';
import { IotaKernel } from './kernels/iota';
import { LayerNormKernel } from './kernels/layer-norm';
import { LessKernel } from './kernels/less';
import { LogSoftmaxGatherKernel } from './kernels/log-softmax-gather';
import { LogSoftmaxKernel } from './kernels/log-softmax';
import { LogKernel } from './kernels/log';
import { MatMulKernel } from './kernels/matmul';
import { MaxKernel } from './kernels/max';
import { MinKernel } from './kernels/min';
import { MulKernel } from './kernels/mul';
import { NegKernel } from './kernels/neg';
import { NotKernel } from './kernels/not';
import { OrKernel } from './kernels/or';
import { PowKernel } from './kernels/pow';
import { ReduceMaxKernel } from './kernels/reduce-max';
import { ReduceMeanKernel } from './kernels/reduce-mean';
import { ReduceSumKernel } from './kernels/reduce-sum';
import { ReluKernel } from './kernels/relu';
import { ReshapeKernel } from './kernels/reshape';
import { RMSNormKernel } from './kernels/rms-norm';
import { RotaryKernel } from './kernels/rotary';
import { SigmoidKernel } from './kernels/sigmoid';
import { SiluKernel } from './kernels/silu';
import { SinKernel } from './kernels/sin';
import { SliceKernel } from './kernels/slice';
import { SoftmaxKernel } from './kernels/softmax';
import { SqrtKernel } from './kernels/sqrt';
import { SubKernel } from './kernels/sub';
import { TanhKernel } from './kernels/tanh';
import { TransposeKernel } from './kernels/transpose';
import { WhereKernel } from './kernels/where';

export const referenceKernels: Readonly<Record<string, RefKernel>> = {
  Add: AddKernel,
  AlibiBias: AlibiBiasKernel,
  And: AndKernel,
  Cast: CastKernel,
  CausalAttention: CausalAttentionKernel,
  Concat: ConcatKernel,
  Constant: ConstantKernel,
  Cos: CosKernel,
  CrossEntropy: CrossEntropyKernel,
  CumSum: CumSumKernel,
  Div: DivKernel,
  Equal: EqualKernel,
  Erf: ErfKernel,
  Exp: ExpKernel,
  Expand: ExpandKernel,
  GatherGrad: GatherGradKernel,
  Gather: GatherKernel,
  Gelu: GeluKernel,
  Greater: GreaterKernel,
  Iota: IotaKernel,
  LayerNorm: LayerNormKernel,
  Less: LessKernel,
  LogSoftmaxGather: LogSoftmaxGatherKernel,
  LogSoftmax: LogSoftmaxKernel,
  Log: LogKernel,
  MatMul: MatMulKernel,
  Max: MaxKernel,
  Min: MinKernel,
  Mul: MulKernel,
  Neg: NegKernel,
  Not: NotKernel,
  Or: OrKernel,
  Pow: PowKernel,
  ReduceMax: ReduceMaxKernel,
  ReduceMean: ReduceMeanKernel,
  ReduceSum: ReduceSumKernel,
  Relu: ReluKernel,
  Reshape: ReshapeKernel,
  RMSNorm: RMSNormKernel,
  Rotary: RotaryKernel,
  Sigmoid: SigmoidKernel,
  Silu: SiluKernel,
  Sin: SinKernel,
  Slice: SliceKernel,
  Softmax: SoftmaxKernel,
  Sqrt: SqrtKernel,
  Sub: SubKernel,
  Tanh: TanhKernel,
  Transpose: TransposeKernel,
  Where: WhereKernel,
};
