import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection, so ArrayBuffers nothing references any more (host weights just
 * written out for baking) are freed now rather than after onnxruntime has allocated its own copy:
 * V8 frees them only when it collects, and it does not see native allocations as pressure.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed !== undefined) gc = exposed;
    else {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
  }
  gc();
  // V8 sweeps dead ArrayBuffers concurrently: the second collection finishes that sweep, so their memory is back before we return
  gc();
}
