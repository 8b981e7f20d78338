import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Graph, HostTensor } from '@okapi/core';
import { onnx } from 'onnx-proto';
import { lowerGraph } from '../lowering/graph-lowerer';
import type { OnnxLowering } from '../lowering/onnx-lowering';
import { movedToExternal } from '../proto/tensor-proto';
import { pretransposeWeights, type PretransposeOptions } from './pretranspose-weights';
import { transposedBlocks } from './transposed-blocks';

export interface BakeOptions {
  /** Graph inputs baked in as initializers (the weights). */
  readonly weights: Readonly<Record<string, HostTensor>>;
  readonly dims?: Readonly<Record<string, number>>;
  readonly lowerings: ReadonlyMap<string, OnnxLowering>;
  /** How shared weights are read transposed (see `pretransposeWeights`). */
  readonly pretranspose?: PretransposeOptions;
}

export interface BakedModel {
  readonly modelPath: string;
  /** Bytes written to the external data file. */
  readonly externalBytes: number;
  /** Initializers stored transposed (no Transpose node left for onnxruntime to fold into a copy). */
  readonly pretransposed: number;
}

/** Bytes of one initializer in the data file (stored transposed when `transposeFrom` gives its source [rows, cols]). */
interface Piece {
  readonly data: Uint8Array;
  readonly offset: number;
  readonly transposeFrom?: readonly [number, number];
}

const DATA_FILE = 'model.onnx_data';
/** Alignment of each tensor in the data file (onnxruntime may memory-map it). */
const ALIGN = 4096;
/** Initializers below this stay inline in the .onnx. */
const EXTERNAL_FROM = 1024;

/**
 * Writes the graph with its weights baked in as a model onnxruntime loads from `dir`: weights
 * pre-transposed where the lowering would transpose them (`pretransposeWeights`), every large
 * initializer in one external data file, written tensor by tensor (transposed ones in blocks), so
 * the bake holds no second copy of the weights in memory.
 */
export async function writeBakedModel(graph: Graph, options: BakeOptions, dir: string): Promise<BakedModel> {
  const baked = new Map(Object.entries(options.weights));
  const model = lowerGraph(graph, { dims: options.dims, lowerings: options.lowerings, baked, symbolic: true }).build();
  const plan = pretransposeWeights(model, options.pretranspose);
  const initializers = model.graph?.initializer ?? [];
  const pieces: Piece[] = [];
  let offset = 0;
  initializers.forEach((init, i) => {
    const raw = init.rawData;
    if (raw === undefined || raw === null) return;
    const dims = (init.dims ?? []).map(Number);
    // dims are already the transposed ones: the bytes are still [dims[1], dims[0]]
    const transposeFrom = plan.transposed.has(init.name!) ? [dims[1]!, dims[0]!] as const : undefined;
    if (raw.byteLength < EXTERNAL_FROM) {
      if (transposeFrom !== undefined) init.rawData = transposedBlocks(raw, ...transposeFrom).next().value!.slice();
      return;
    }
    const within = transposeFrom === undefined ? placedAround(pieces, raw) : undefined;
    if (within !== undefined) { // a view of bytes already placed (a row slice of a tied embedding): point at them
      initializers[i] = onnx.TensorProto.create(movedToExternal(init, DATA_FILE, within, raw.byteLength));
      return;
    }
    offset += (ALIGN - (offset % ALIGN)) % ALIGN;
    pieces.push({ data: raw, offset, transposeFrom });
    initializers[i] = onnx.TensorProto.create(movedToExternal(init, DATA_FILE, offset, raw.byteLength));
    offset += raw.byteLength;
  });
  const modelPath = join(dir, 'model.onnx');
  await writeFile(modelPath, onnx.ModelProto.encode(model).finish());
  await writePieces(join(dir, DATA_FILE), pieces);
  return { modelPath, externalBytes: offset, pretransposed: plan.transposed.size };
}

/**
 * The bytes in 64 KiB pieces, one write each. Initializers written as they are stay memory-mapped
 * and are read in place (the embedding, by Gather, a few rows at a time); Linux (6.x, ext4/xfs)
 * caches one large write in large folios (MiBs) and maps a whole folio on a page fault, so each
 * looked-up row would make MiBs of the file resident: a 512-token prompt made all of SmolLM's
 * embedding resident (108 MiB), beside its pre-packed copy in the LM head. Small writes keep the
 * folios small (measured: +30 instead of +100 MiB for that prompt).
 */
function* smallWrites(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += SMALL_WRITE) yield bytes.subarray(at, Math.min(bytes.byteLength, at + SMALL_WRITE));
}

const SMALL_WRITE = 64 * 1024;

/** Where `bytes` lie in the data file when they are inside a piece already placed as is. */
function placedAround(pieces: readonly Piece[], bytes: Uint8Array): number | undefined {
  const piece = pieces.find((p) => p.transposeFrom === undefined && p.data.buffer === bytes.buffer
    && bytes.byteOffset >= p.data.byteOffset && bytes.byteOffset + bytes.byteLength <= p.data.byteOffset + p.data.byteLength);
  return piece === undefined ? undefined : piece.offset + bytes.byteOffset - piece.data.byteOffset;
}

async function writePieces(path: string, pieces: readonly Piece[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const piece of pieces) {
      const blocks = piece.transposeFrom === undefined ? smallWrites(piece.data) : transposedBlocks(piece.data, piece.transposeFrom[0], piece.transposeFrom[1]);
      let position = piece.offset;
      for (const block of blocks) {
        for (let done = 0; done < block.byteLength;) done += (await file.write(block, done, block.byteLength - done, position + done)).bytesWritten;
        position += block.byteLength;
      }
    }
  } finally {
    await file.close();
  }
}
