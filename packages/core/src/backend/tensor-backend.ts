import type { DType } from '../ir/dtype';
import type { Graph } from '../ir/graph';
import type { HostTensor } from '../ir/host-tensor';

/** Bytes and tensors a backend holds right now; tests assert no growth across a run. */
export interface MemoryReport {
  readonly tensors: number;
  readonly bytes: number;
}

/**
 * A tensor resident on a backend's device (weights, optimizer moments, activations). It stays there
 * between session runs until disposed; `download` copies it to the host.
 */
export interface DeviceTensor {
  readonly backend: string;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly disposed: boolean;
  /** Frees the device memory; idempotent. */
  dispose(): void;
}

export interface CompileOptions {
  /** Sizes of the graph's symbolic dims for this shape bucket, e.g. { batch: 4, seq: 128 }. */
  readonly dims?: Readonly<Record<string, number>>;
  /** Fused ops to run as their decomposition even if the backend has a kernel (debugging, conformance). */
  readonly decompose?: readonly string[] | 'all';
  /** For logs and exported file names. */
  readonly name?: string;
  /**
   * Leaves the symbolic dims that `dims` does not bind symbolic, so one executable serves every batch
   * and length. Only for backends whose `dynamicDims` is true; others bind every dim.
   */
  readonly dynamicDims?: boolean;
  /**
   * Graph inputs fixed for the session's lifetime (inference weights), handed over as host tensors by
   * a function the backend calls once: they are baked into the executable as constants and not fed
   * to `run`. The backend drops them before it builds the executable, so a caller that hands over
   * its only references has them freed before the executable's own copy exists (peak memory).
   * Only for backends whose `dynamicDims` is true.
   */
  readonly bakedInputs?: () => Readonly<Record<string, HostTensor>>;
}

export interface RunOptions {
  /** Graph outputs to compute; default all. */
  readonly outputs?: readonly string[];
}

/**
 * A compiled graph for one shape bucket. Feeds are device tensors keyed by graph-input name (every
 * input must be fed); results are new device tensors the caller owns and must dispose (also when an
 * output is a graph input: disposing it leaves the feed alive). Feeds are never consumed, so resident
 * weights are reused across runs.
 */
export interface Session {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Readonly<Record<string, DeviceTensor>>, options?: RunOptions): Promise<Record<string, DeviceTensor>>;
  dispose(): Promise<void>;
}

/**
 * A tensor engine, at session level (like onnxruntime's Backend): core's IR graphs are compiled into
 * sessions; tensors stay on the device between runs. Training graphs (forward + backward + AdamW) are
 * plain graphs; a backend without `capabilities.training` may refuse them.
 */
export interface TensorBackend {
  readonly id: string;
  /** The device this instance runs on ('cpu', 'cuda', 'wasm', …). */
  readonly device: string;
  /**
   * Whether `compile` honours `CompileOptions.dynamicDims` and `bakedInputs`: generation then runs one
   * growing-past decoder session with the weights baked in, instead of static per-shape sessions.
   */
  readonly dynamicDims?: boolean;
  /** Lazy, once; constructors stay synchronous and cheap. */
  init(): Promise<void>;
  /** Binds dims, then builds the backend's executable (an ONNX model, a tfjs program, …). */
  compile(graph: Graph, options?: CompileOptions): Promise<Session>;
  upload(tensor: HostTensor): DeviceTensor;
  download(tensor: DeviceTensor): Promise<HostTensor>;
  /** Live device tensors and their bytes (sessions' internal buffers excluded). */
  memory(): MemoryReport;
  /** Frees every tensor and session this backend made. */
  dispose(): Promise<void>;
}
