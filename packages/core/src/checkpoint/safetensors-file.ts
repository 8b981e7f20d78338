import { open, type FileHandle } from 'node:fs/promises';
import { OkapiError } from '../errors/okapi-error';
import { decodeToFloat32, isStorageDType, storageDTypes } from './safetensors-dtype';
import { parseHeader, parseHeaderLength, type SafetensorsEntry, type SafetensorsHeader } from './safetensors-header';

/**
 * One open safetensors file. Only the header is read on open; each tensor is read on demand with a
 * positioned read, so loading a model never holds more than the tensor being converted twice.
 */
export class SafetensorsFile {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly header: SafetensorsHeader,
  ) {}

  static async open(path: string): Promise<SafetensorsFile> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const prefix = await readExactly(handle, 0, Math.min(8, size));
      const length = parseHeaderLength(prefix, size, path);
      const json = await readExactly(handle, 8, length);
      return new SafetensorsFile(path, handle, parseHeader(json, size - 8 - length, path));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  get names(): string[] {
    return [...this.header.entries.keys()];
  }

  get metadata(): Readonly<Record<string, string>> {
    return this.header.metadata;
  }

  entry(name: string): SafetensorsEntry | undefined {
    return this.header.entries.get(name);
  }

  /** The tensor's values as float32; F16 / BF16 are widened exactly. */
  async readFloat32(name: string): Promise<Float32Array> {
    const entry = this.header.entries.get(name);
    if (entry === undefined) throw new OkapiError(`${this.path}: no tensor '${name}'`);
    if (!isStorageDType(entry.dtype)) {
      throw new OkapiError(`${this.path}: tensor '${name}' has dtype ${entry.dtype}; expected one of ${storageDTypes.join(', ')}`, {
        hint: 'Okapi.ts loads floating-point weights stored as F32, F16 or BF16; convert the checkpoint to one of them.',
      });
    }
    const position = this.header.dataStart + entry.begin;
    if (entry.dtype === 'F32') {
      // read straight into the result: no second copy of the tensor in memory
      const out = new Float32Array((entry.end - entry.begin) / 4);
      await readInto(this.handle, position, new Uint8Array(out.buffer));
      return out;
    }
    return decodeToFloat32(await readExactly(this.handle, position, entry.end - entry.begin), entry.dtype);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  return readInto(handle, position, new Uint8Array(length));
}

/** Fills `out` from `position`; positioned reads, so tensors can be read in any order. */
async function readInto(handle: FileHandle, position: number, out: Uint8Array): Promise<Uint8Array> {
  let done = 0;
  while (done < out.length) {
    const { bytesRead } = await handle.read(out, done, out.length - done, position + done);
    if (bytesRead === 0) throw new OkapiError(`unexpected end of file at byte ${position + done} (file truncated?)`);
    done += bytesRead;
  }
  return out;
}
