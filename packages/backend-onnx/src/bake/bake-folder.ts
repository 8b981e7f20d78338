import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The temporary folder one bake writes its model into. It is removed as soon as onnxruntime has
 * loaded the model (on Linux and macOS a memory-mapped file lives on, unnamed, until unmapped);
 * where the platform refuses to delete a mapped file (Windows), `remove` reports false and the
 * owner retries after releasing the session.
 */
export class BakeFolder {
  private constructor(readonly path: string) {}

  static async create(): Promise<BakeFolder> {
    return new BakeFolder(await mkdtemp(join(tmpdir(), 'okapi-onnx-')));
  }

  /** True once the folder is gone. */
  async remove(): Promise<boolean> {
    try {
      await rm(this.path, { recursive: true, force: true });
      return true;
    } catch {
      return false;
    }
  }
}
