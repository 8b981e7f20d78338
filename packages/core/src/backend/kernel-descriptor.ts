/**
 * One backend's implementation of one IR op (for instance a fused contrib kernel for attention on
 * onnxruntime). The backend that owns `backend` knows what `implementation` must look like.
 */
export interface KernelDescriptor {
  /** Backend id this kernel is for. */
  readonly backend: string;
  /** IR op name. */
  readonly op: string;
  readonly summary: string;
  readonly implementation: unknown;
}
