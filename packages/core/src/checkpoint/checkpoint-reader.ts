import { join } from 'node:path';
import { OkapiError } from '../errors/okapi-error';
import { didYouMean } from '../util/did-you-mean';
import { formatShape } from './checkpoint-tensor';
import { isStorageDType, storageDTypes } from './safetensors-dtype';
import { SafetensorsFile } from './safetensors-file';
import { findWeightLayout } from './weight-files';

/** Where a tensor lives and what it is, before any data is read. */
export interface TensorInfo {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly file: string;
}

/** A tensor the caller expects, by HF name and shape. */
export interface ExpectedTensor {
  readonly name: string;
  readonly shape: readonly number[];
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * The weights of an HF model directory (`model.safetensors` or a sharded index). Opening reads only
 * headers; tensors are read one by one on demand. Call `close()` when done.
 */
export class HfCheckpointReader {
  private constructor(
    readonly dir: string,
    private readonly files: readonly SafetensorsFile[],
    private readonly owners: ReadonlyMap<string, SafetensorsFile>,
  ) {}

  static async open(dir: string): Promise<HfCheckpointReader> {
    const layout = await findWeightLayout(dir);
    const files: SafetensorsFile[] = [];
    const owners = new Map<string, SafetensorsFile>();
    try {
      for (const [fileName, names] of layout.files) {
        const file = await openShard(dir, fileName);
        files.push(file);
        for (const name of names === 'all' ? file.names : names) {
          if (file.entry(name) === undefined) {
            throw new OkapiError(`${file.path}: the index lists tensor '${name}' in this shard but the file does not hold it`);
          }
          owners.set(name, file);
        }
      }
    } catch (error) {
      await Promise.all(files.map((f) => f.close()));
      throw error;
    }
    return new HfCheckpointReader(dir, files, owners);
  }

  get names(): string[] {
    return [...this.owners.keys()];
  }

  has(name: string): boolean {
    return this.owners.has(name);
  }

  info(name: string): TensorInfo {
    const file = this.owners.get(name);
    if (file === undefined) throw this.missing([name]);
    const entry = file.entry(name)!;
    return { name, dtype: entry.dtype, shape: entry.shape, file: file.path };
  }

  /** Checks every expected tensor (present, float dtype, shape) up front and reports all problems in one error. */
  check(expected: readonly ExpectedTensor[]): void {
    const missing = expected.filter((e) => !this.owners.has(e.name)).map((e) => e.name);
    if (missing.length > 0) throw this.missing(missing);
    const notFloat = expected.map((e) => this.info(e.name)).filter((i) => !isStorageDType(i.dtype));
    if (notFloat.length > 0) {
      throw new OkapiError(`Tensors in ${this.dir} with a dtype Okapi.ts cannot load: ${notFloat.map((i) => `'${i.name}' is ${i.dtype}`).join('; ')}`, {
        hint: `Weights must be stored as ${storageDTypes.join(', ')}; convert the checkpoint (e.g. model.to(torch.bfloat16).save_pretrained(DIR)).`,
      });
    }
    const wrong = expected.filter((e) => !sameShape(this.info(e.name).shape, e.shape));
    if (wrong.length > 0) {
      const lines = wrong.map((e) => `'${e.name}' is ${formatShape(this.info(e.name).shape)}, expected ${formatShape(e.shape)}`);
      throw new OkapiError(`Tensor shapes in ${this.dir} do not match config.json: ${lines.join('; ')}`, {
        hint: 'The weights were saved for a different configuration; check hidden_size, num_*, vocab_size in config.json.',
      });
    }
  }

  /** Reads one tensor as float32, checking its shape when `expectedShape` is given. */
  async read(name: string, expectedShape?: readonly number[]): Promise<Float32Array> {
    if (expectedShape !== undefined) this.check([{ name, shape: expectedShape }]);
    const file = this.owners.get(name);
    if (file === undefined) throw this.missing([name]);
    return file.readFloat32(name);
  }

  async close(): Promise<void> {
    await Promise.all(this.files.map((f) => f.close()));
  }

  private missing(names: readonly string[]): OkapiError {
    const known = this.names;
    const described = names.map((n) => `'${n}'${didYouMean(n, known)}`).join(', ');
    return new OkapiError(`Missing tensor${names.length > 1 ? 's' : ''} in ${this.dir}: ${described}`, {
      hint: `The checkpoint holds ${known.length} tensors (e.g. ${known.slice(0, 3).join(', ')}); is it the model family config.json says?`,
    });
  }
}

async function openShard(dir: string, fileName: string): Promise<SafetensorsFile> {
  try {
    return await SafetensorsFile.open(join(dir, fileName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new OkapiError(`Shard ${fileName} named in ${dir}'s index is missing`, { hint: 'Copy every model-*.safetensors file of the checkpoint.' });
    }
    throw error;
  }
}
