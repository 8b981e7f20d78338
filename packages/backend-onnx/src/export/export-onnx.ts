import { mkdir, open, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Graph, HostTensor } from '@okapi/core';
import { onnx } from 'onnx-proto';
import { lowerGraph } from '../lowering/graph-lowerer';
import type { OnnxLowering } from '../lowering/onnx-lowering';
import { movedToExternal } from '../proto/tensor-proto';

export interface ExportOptions {
  /** Where the .onnx file goes; external data goes beside it as `<file>_data` (Optimum's and transformers.js's name). */
  readonly path: string;
  /** Graph inputs to bake in as initializers (the weights); the rest stay model inputs. */
  readonly weights: Readonly<Record<string, HostTensor>>;
  /** Sizes of symbolic dims to fix; dims left unbound stay symbolic (ONNX dim params). */
  readonly dims?: Readonly<Record<string, number>>;
  readonly lowerings: ReadonlyMap<string, OnnxLowering>;
  /** Initializers of at least this many bytes go to the external data file (default 1 KiB). */
  readonly externalThreshold?: number;
  /**
   * Keeps every weight inside the .onnx file while they total at most this many bytes (default 0:
   * always split). One self-contained file is what runtimes load without being told about data files.
   */
  readonly inlineUpTo?: number;
}

export interface ExportResult {
  readonly modelPath: string;
  /** Undefined when every initializer fit inline. */
  readonly dataPath?: string;
  readonly externalBytes: number;
}

/** Alignment of each tensor in the data file, so runtimes may memory-map it. */
const ALIGN = 64;

/**
 * Writes a graph as a standalone ONNX model that plain onnxruntime (or any ONNX runtime) runs:
 * weights as initializers, large ones in an external data file (ONNX's 2 GiB protobuf limit).
 */
export async function exportOnnx(graph: Graph, options: ExportOptions): Promise<ExportResult> {
  const baked = new Map(Object.entries(options.weights));
  const model = lowerGraph(graph, { dims: options.dims, lowerings: options.lowerings, baked, symbolic: true }).build();
  const dataPath = `${options.path}_data`;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const initializers = model.graph?.initializer ?? [];
  const inline = initializers.reduce((sum, init) => sum + (init.rawData?.byteLength ?? 0), 0) <= (options.inlineUpTo ?? 0);
  initializers.forEach((init, i) => {
    const raw = init.rawData;
    if (inline || raw === undefined || raw === null || raw.byteLength < (options.externalThreshold ?? 1024)) return;
    const padding = (ALIGN - (offset % ALIGN)) % ALIGN;
    if (padding > 0) chunks.push(new Uint8Array(padding));
    offset += padding;
    chunks.push(raw);
    initializers[i] = onnx.TensorProto.create(movedToExternal(init, basename(dataPath), offset, raw.byteLength));
    offset += raw.byteLength;
  });
  await mkdir(dirname(options.path), { recursive: true });
  await writeFile(options.path, onnx.ModelProto.encode(model).finish());
  if (chunks.length === 0) return { modelPath: options.path, externalBytes: 0 };
  await writeChunks(dataPath, chunks);
  return { modelPath: options.path, dataPath, externalBytes: offset };
}

/** Writes the chunks one after another, without joining them (a 2 GB model must not need 2 GB more). */
async function writeChunks(path: string, chunks: readonly Uint8Array[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const chunk of chunks) {
      for (let done = 0; done < chunk.byteLength;) done += (await file.write(chunk, done, chunk.byteLength - done)).bytesWritten;
    }
  } finally {
    await file.close();
  }
}
