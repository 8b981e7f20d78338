/** The tfjs engines this backend can drive, best first. */
export type EngineName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

export interface EngineSpec {
  readonly name: EngineName;
  /** The Okapi device this engine serves ('cuda', 'cpu', 'wasm'). */
  readonly device: string;
  /** The npm package that provides it. */
  readonly packageName: string;
  /** The tfjs backend name it registers (tf.setBackend). */
  readonly tfBackend: string;
  readonly install: string;
  /**
   * tfjs's own matmul with transpose flags is several times slower than a materialised transpose
   * followed by a plain matmul on this engine, so transposes must not be folded into MatMul.
   */
  readonly slowTransposedMatMul: boolean;
  /**
   * tfjs's matmul with a batch on both operands is a naive loop here (wasm: XNNPACK only takes 2-D
   * operands), so MatMul runs one 2-D matmul per batch entry instead.
   */
  readonly slowBatchedMatMul: boolean;
}

export const engineSpecs: readonly EngineSpec[] = [
  {
    name: 'tensorflow-gpu', device: 'cuda', packageName: '@tensorflow/tfjs-node-gpu', tfBackend: 'tensorflow',
    install: 'npm install @tensorflow/tfjs-node-gpu (needs CUDA 11.2 + cuDNN 8; it downloads libtensorflow)',
    slowTransposedMatMul: false, slowBatchedMatMul: false,
  },
  {
    name: 'tensorflow', device: 'cpu', packageName: '@tensorflow/tfjs-node', tfBackend: 'tensorflow',
    install: 'npm install @tensorflow/tfjs-node (it downloads libtensorflow)',
    slowTransposedMatMul: false, slowBatchedMatMul: false,
  },
  {
    name: 'wasm', device: 'wasm', packageName: '@tensorflow/tfjs-backend-wasm', tfBackend: 'wasm',
    install: 'npm install @tensorflow/tfjs-backend-wasm',
    slowTransposedMatMul: true, slowBatchedMatMul: true,
  },
  {
    name: 'cpu', device: 'cpu', packageName: '@tensorflow/tfjs-backend-cpu', tfBackend: 'cpu',
    install: 'npm install @tensorflow/tfjs-backend-cpu',
    slowTransposedMatMul: false, slowBatchedMatMul: false,
  },
];

export function engineSpec(name: EngineName): EngineSpec {
  return engineSpecs.find((e) => e.name === name) as EngineSpec;
}
