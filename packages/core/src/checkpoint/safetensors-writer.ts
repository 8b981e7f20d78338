import { OkapiError } from '../errors/okapi-error';
import { writeFileAtomic } from './atomic-write';
import { elementCount, formatShape, type CheckpointTensor } from './checkpoint-tensor';
import { encodeFromFloat32, safetensorsDTypeSizes, type StorageDType } from './safetensors-dtype';
import { buildHeader } from './safetensors-header';

/** HF writes this so `transformers` knows the file came from PyTorch-layout tensors. */
export const defaultSafetensorsMetadata: Readonly<Record<string, string>> = { format: 'pt' };

/** Bytes a tensor takes on disk in `dtype`. */
export function storedByteLength(shape: readonly number[], dtype: StorageDType): number {
  return elementCount(shape) * safetensorsDTypeSizes[dtype];
}

async function tensorValues(tensor: CheckpointTensor): Promise<Float32Array> {
  const data = typeof tensor.data === 'function' ? await tensor.data() : tensor.data;
  const expected = elementCount(tensor.shape);
  if (data.length !== expected) {
    throw new OkapiError(`Tensor '${tensor.name}' has ${data.length} values but its shape ${formatShape(tensor.shape)} needs ${expected}`);
  }
  return data;
}

/**
 * Writes one safetensors file atomically, converting float32 values to `dtype` one tensor at a time
 * (so only one converted tensor is in memory). Tensors are laid out in the order given.
 */
export async function writeSafetensors(
  path: string,
  tensors: readonly CheckpointTensor[],
  dtype: StorageDType,
  metadata: Readonly<Record<string, string>> = defaultSafetensorsMetadata,
): Promise<void> {
  const seen = new Set<string>();
  for (const t of tensors) {
    if (seen.has(t.name)) throw new OkapiError(`Tensor '${t.name}' appears twice in ${path}`);
    seen.add(t.name);
  }
  const header = buildHeader(
    tensors.map((t) => ({ name: t.name, dtype, shape: t.shape, byteLength: storedByteLength(t.shape, dtype) })),
    metadata,
  );
  await writeFileAtomic(path, async (handle) => {
    await handle.write(header);
    for (const tensor of tensors) await handle.write(encodeFromFloat32(await tensorValues(tensor), dtype));
  });
}
