// The tfjs kernel of every IR op, listed explicitly (one file per op), like tfjs's register_all_kernels.
import { addKernel } from './add';
import { alibiBiasKernel } from './alibi-bias';
import { andKernel } from './and';
import { castKernel } from './cast';
import { causalAttentionKernel } from './causal-attention';
import { concatKernel } from './concat';
import { constantKernel } from './constant';
import { cosKernel } from './cos';
import { crossEntropyKernel } from './cross-entropy';
import { cumSumKernel } from './cum-sum';
import { divKernel } from './div';
import { equalKernel } from './equal';
import { erfKernel } from './erf';
import { expKernel } from './exp';
import { expandKernel } from './expand';
import { gatherKernel } from './gather';
import { gatherGradKernel } from './gather-grad';
import { geluKernel } from './gelu';
import { greaterKernel } from './greater';
import { iotaKernel } from './iota';
import { layerNormKernel } from './layer-norm';
import { lessKernel } from './less';
import { logKernel } from './log';
import { logSoftmaxKernel } from './log-softmax';
import { logSoftmaxGatherKernel } from './log-softmax-gather';
import { matMulKernel } from './matmul';
import { maxKernel } from './max';
import { minKernel } from './min';
import { mulKernel } from './mul';
import { negKernel } from './neg';
import { notKernel } from './not';
import { orKernel } from './or';
import { powKernel } from './pow';
import { reduceMaxKernel } from './reduce-max';
import { reduceMeanKernel } from './reduce-mean';
import { reduceSumKernel } from './reduce-sum';
import { reluKernel } from './relu';
import { reshapeKernel } from './reshape';
import { rmsNormKernel } from './rms-norm';
import { rotaryKernel } from './rotary';
import { sigmoidKernel } from './sigmoid';
import { siluKernel } from './silu';
import { sinKernel } from './sin';
import { sliceKernel } from './slice';
import { softmaxKernel } from './softmax';
import { sqrtKernel } from './sqrt';
import { subKernel } from './sub';
import { tanhKernel } from './tanh';
import { transposeKernel } from './transpose';
import { whereKernel } from './where';
import type { TfjsKernel } from './tfjs-kernel';

export const allKernels: readonly TfjsKernel[] = [
  addKernel,
  alibiBiasKernel,
  andKernel,
  castKernel,
  causalAttentionKernel,
  concatKernel,
  constantKernel,
  cosKernel,
  crossEntropyKernel,
  cumSumKernel,
  divKernel,
  equalKernel,
  erfKernel,
  expKernel,
  expandKernel,
  gatherKernel,
  gatherGradKernel,
  geluKernel,
  greaterKernel,
  iotaKernel,
  layerNormKernel,
  lessKernel,
  logKernel,
  logSoftmaxKernel,
  logSoftmaxGatherKernel,
  matMulKernel,
  maxKernel,
  minKernel,
  mulKernel,
  negKernel,
  notKernel,
  orKernel,
  powKernel,
  reduceMaxKernel,
  reduceMeanKernel,
  reduceSumKernel,
  reluKernel,
  reshapeKernel,
  rmsNormKernel,
  rotaryKernel,
  sigmoidKernel,
  siluKernel,
  sinKernel,
  sliceKernel,
  softmaxKernel,
  sqrtKernel,
  subKernel,
  tanhKernel,
  transposeKernel,
  whereKernel,
];
