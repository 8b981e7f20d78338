/** Bytes and tensors a backend holds right now; tests assert no growth across a run. */
export interface MemoryReport {
  readonly tensors: number;
  readonly bytes: number;
}

/**
 * A tensor engine, at session level (like onnxruntime's Backend): graphs are compiled into sessions.
 * The IR-facing methods (compile, upload, download) are defined with the IR in ../ir.
 */
export interface TensorBackend {
  readonly id: string;
  /** The device this instance runs on ('cpu', 'cuda', 'wasm', …). */
  readonly device: string;
  /** Lazy, once; constructors stay synchronous and cheap. */
  init(): Promise<void>;
  memory(): MemoryReport;
  dispose(): Promise<void>;
}
