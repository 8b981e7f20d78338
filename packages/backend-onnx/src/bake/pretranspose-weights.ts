import { onnx } from 'onnx-proto';

const MICROSOFT_DOMAIN = 'com.microsoft';

/**
 * What `pretransposeWeights` changed: initializers whose bytes must now be written transposed
 * (their `dims` already say [cols, rows]), and how many Transpose nodes went away.
 */
export interface PretransposePlan {
  readonly transposed: ReadonlySet<string>;
  readonly removedTransposes: number;
}

export interface PretransposeOptions {
  /** Most bytes per LM-head slice of a shared weight (default 512 MiB). */
  readonly sliceBytes?: number;
  /**
   * Whether the execution provider runs onnxruntime's contrib `FusedMatMul` (CPU and CUDA do);
   * without it a shared weight keeps its Transpose (onnxruntime folds it into a second copy).
   */
  readonly fusedMatMul?: boolean;
}

/**
 * Removes every `Transpose(perm=[1,0])` of a 2-D initializer from the model, so onnxruntime's
 * constant folding makes no transposed second copy of the weight (HF linears are stored [out, in]
 * and lowered as `MatMul(x, Transpose(W))`):
 * - an initializer read only through such Transposes is stored transposed instead (the caller writes
 *   its bytes transposed, see `plan.transposed`) and the Transposes' readers read it directly;
 * - an initializer also read directly (a tied embedding: `Gather(E)` and the LM head
 *   `MatMul(h, Transpose(E))`) stays as is, and each `MatMul` reading the Transpose becomes
 *   onnxruntime's `FusedMatMul(h, E_k, transB=1)` over row slices `E_k` of E (initializers of
 *   their own over the same bytes) joined by a `Concat`. onnxruntime pre-packs each slice and drops
 *   its mapping, so the pages pre-packing read leave with it (E's own mapping, shared, would keep
 *   them all resident) and the Gather makes resident only the rows it reads; the slices bound the
 *   transient of pre-packing (a slice's pages plus its packed copy). Results are bit-identical to
 *   `MatMul(h, Eᵀ)` (measured); more than a few slices slowed batch-8 decode (16 slices of
 *   bloom-560m's head: about 1.4× the head's time), hence large slices.
 * A Transpose whose output feeds anything but `MatMul`'s second input is left where
 * the initializer is shared (nothing to gain without a second copy). Mutates `model`.
 */
export function pretransposeWeights(model: onnx.IModelProto, options: PretransposeOptions = {}): PretransposePlan {
  const { sliceBytes = DEFAULT_SLICE_BYTES, fusedMatMul = true } = options;
  const graph = model.graph!;
  const initializers = new Map((graph.initializer ?? []).map((t) => [t.name!, t]));
  const readers = readersByValue(graph.node ?? []);
  const transposed = new Set<string>();
  const removed = new Set<onnx.INodeProto>();
  const replaced = new Map<onnx.INodeProto, onnx.INodeProto[]>();
  for (const [name, tensor] of initializers) {
    if (tensor.dims?.length !== 2) continue;
    const uses = readers.get(name) ?? [];
    const transposes = uses.filter(isMatrixTranspose);
    if (transposes.length === 0) continue;
    if (transposes.length === uses.length && !transposes.some((t) => isGraphOutput(graph, t.output![0]!))) {
      for (const t of transposes) renameValue(graph, t.output![0]!, name);
      tensor.dims = [tensor.dims[1]!, tensor.dims[0]!];
      transposed.add(name);
      transposes.forEach((t) => removed.add(t));
      continue;
    }
    if (!fusedMatMul) continue;
    const fusable = transposes.map((t) => ({ t, matmuls: fusableMatMuls(t, readers) })).filter((f) => f.matmuls !== undefined);
    if (fusable.length === 0) continue;
    const slices = rowSlices(graph, tensor, sliceBytes);
    for (const { t, matmuls } of fusable) {
      for (const matmul of matmuls!) replaced.set(matmul, transposedBMatMuls(matmul, slices));
      removed.add(t);
    }
  }
  graph.node = (graph.node ?? []).filter((n) => !removed.has(n)).flatMap((n) => replaced.get(n) ?? [n]);
  if (graph.node.some((n) => n.domain === MICROSOFT_DOMAIN)) ensureMicrosoftOpset(model);
  return { transposed, removedTransposes: removed.size };
}

/** Default most bytes of one LM-head slice (the largest transient while onnxruntime pre-packs it). */
const DEFAULT_SLICE_BYTES = 512 * 2 ** 20;

/**
 * New initializers over consecutive, about equal row ranges of the tensor (raw-data views of its
 * bytes, a multiple of 64 rows each but the last), appended to the graph; one when it fits a slice.
 */
function rowSlices(graph: onnx.IGraphProto, tensor: onnx.ITensorProto, sliceBytes: number): string[] {
  const [rows, cols] = tensor.dims!.map(Number) as [number, number];
  const raw = tensor.rawData;
  if (raw === undefined || raw === null) return [tensor.name!];
  const rowBytes = raw.byteLength / rows;
  const step = Math.ceil(rows / Math.ceil(raw.byteLength / sliceBytes) / 64) * 64;
  const names: string[] = [];
  for (let start = 0; start < rows; start += step) {
    const end = Math.min(rows, start + step);
    const name = `${tensor.name}.rows_${start}_${end}`;
    graph.initializer!.push(onnx.TensorProto.create({ name, dataType: tensor.dataType, dims: [end - start, cols], rawData: raw.subarray(start * rowBytes, end * rowBytes) }));
    names.push(name);
  }
  return names;
}

/** The MatMuls reading the Transpose's output as their B, or undefined when it has any other reader. */
function fusableMatMuls(transpose: onnx.INodeProto, readers: ReadonlyMap<string, onnx.INodeProto[]>): onnx.INodeProto[] | undefined {
  const out = transpose.output![0]!;
  const uses = readers.get(out) ?? [];
  const fusable = uses.every((n) => n.opType === 'MatMul' && (n.domain ?? '') === '' && n.input![1] === out && n.input![0] !== out);
  return fusable && uses.length > 0 ? uses : undefined;
}

/** `MatMul(a, Transpose(W))` as `FusedMatMul(a, W_k, transB=1)` per row slice of W, concatenated along the last axis. */
function transposedBMatMuls(matmul: onnx.INodeProto, slices: readonly string[]): onnx.INodeProto[] {
  const [a] = matmul.input!;
  const out = matmul.output![0]!;
  const parts = slices.map((slice, k) => onnx.NodeProto.create({
    name: `${matmul.name ?? out}_transB_${k}`, opType: 'FusedMatMul', domain: MICROSOFT_DOMAIN,
    input: [a!, slice], output: [slices.length === 1 ? out : `${out}_transB_${k}`],
    attribute: [
      onnx.AttributeProto.create({ name: 'transB', type: onnx.AttributeProto.AttributeType.INT, i: 1 }),
      onnx.AttributeProto.create({ name: 'alpha', type: onnx.AttributeProto.AttributeType.FLOAT, f: 1 }),
    ],
  }));
  if (slices.length === 1) return parts;
  const concat = onnx.NodeProto.create({
    name: `${matmul.name ?? out}_concat`, opType: 'Concat', domain: '', input: parts.map((p) => p.output![0]!), output: [out],
    attribute: [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: -1 })],
  });
  return [...parts, concat];
}

/** Nodes reading each value name (a node reading a value twice appears twice). */
function readersByValue(nodes: readonly onnx.INodeProto[]): Map<string, onnx.INodeProto[]> {
  const readers = new Map<string, onnx.INodeProto[]>();
  for (const node of nodes) {
    for (const input of node.input ?? []) {
      if (!readers.has(input)) readers.set(input, []);
      readers.get(input)!.push(node);
    }
  }
  return readers;
}

function isMatrixTranspose(node: onnx.INodeProto): boolean {
  if (node.opType !== 'Transpose' || (node.domain ?? '') !== '') return false;
  const perm = node.attribute?.find((a) => a.name === 'perm')?.ints?.map(Number);
  return perm !== undefined && perm.length === 2 && perm[0] === 1 && perm[1] === 0;
}

function isGraphOutput(graph: onnx.IGraphProto, name: string): boolean {
  return (graph.output ?? []).some((o) => o.name === name);
}

/** Every node reading `from` reads `to` instead. */
function renameValue(graph: onnx.IGraphProto, from: string, to: string): void {
  for (const node of graph.node ?? []) node.input = (node.input ?? []).map((i) => (i === from ? to : i));
}

function ensureMicrosoftOpset(model: onnx.IModelProto): void {
  const imports = model.opsetImport ?? [];
  if (!imports.some((o) => o.domain === MICROSOFT_DOMAIN)) model.opsetImport = [...imports, { domain: MICROSOFT_DOMAIN, version: 1 }];
}
