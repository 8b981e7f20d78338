import {
  Config, KernelContribution, OkapiError, LoggerToken, bindShape, type CompileOptions, type DeviceTensor, type Graph, type HostTensor,
  type KernelDescriptor, type Logger, type MemoryReport, type OkapiConfig, type Session, type TensorBackend,
} from '@okapi/core';
import { inject, injectAll, injectable } from 'tsyringe';
import { exportOnnx, type ExportOptions, type ExportResult } from './export/export-onnx';
import { lowerGraph, onnxInputName } from './lowering/graph-lowerer';
import type { OnnxLowering } from './lowering/onnx-lowering';
import { selectLowerings } from './lowering/select-lowerings';
import { OnnxDeviceTensor } from './onnx-device-tensor';
import { onnxOptionsFrom, type OnnxOptions } from './onnx-options';
import { OnnxSession } from './onnx-session';
import { assertDeviceStarts, createOrtSession, type OrtSession } from './ort/create-session';
import { executionProvidersFor, listProviders } from './ort/execution-providers';
import { loadOrt, type Ort } from './ort/load-ort';
import { MemoryLedger } from './ort/memory-ledger';
import { SessionCache } from './ort/session-cache';
import { fromOrtTensor, ortDtypeOf, toOrtTensor, type OrtTensor } from './ort/tensor-convert';
import { ortTypeName } from './proto/onnx-dtype';
import { graphKey } from './graph-key';
import { collectGarbage } from './collect-garbage';
import { BakeFolder } from './bake/bake-folder';
import { writeBakedModel } from './bake/write-baked-model';
import { checkBakedInputs, splitConstants, type OnnxCompileOptions } from './onnx-compile-options';

/** Compiles IR graphs to ONNX models and runs them with onnxruntime-node (inference and training). */
@injectable()
export class OnnxBackend implements TensorBackend {
  readonly id = 'onnx';
  readonly device: string;
  readonly dynamicDims = true;
  private readonly threads?: number;
  private readonly options: OnnxOptions;
  private readonly ledger = new MemoryLedger();
  private readonly live = new Set<OnnxDeviceTensor>();
  private readonly sessions: SessionCache<OrtSession>;
  /** Lowered models by graph key (small: weights are inputs, not initializers). */
  private readonly models = new Map<string, Uint8Array>();
  private ortModule?: Ort;
  /** Sessions of `dynamicDims` compiles: outside the cache (they hold the weights), released by their `dispose`. */
  private readonly pinned = new Set<OrtSession>();
  private readonly leftoverFolders = new Set<BakeFolder>();

  constructor(
    @inject(Config) config: OkapiConfig,
    @inject(LoggerToken) private readonly log: Logger,
    @injectAll(KernelContribution, { isOptional: true }) private readonly kernels: KernelDescriptor[] = [],
  ) {
    this.device = config.backend.device;
    this.threads = config.backend.threads;
    this.options = onnxOptionsFrom(config);
    this.sessions = new SessionCache(this.options.sessionCacheSize, (s) => s.release());
  }

  async init(): Promise<void> {
    if (this.ortModule !== undefined) return;
    const ort = loadOrt();
    executionProvidersFor(this.device, listProviders(ort)); // unknown device: fail here, with the list
    await assertDeviceStarts(ort, { device: this.device, threads: this.threads, options: this.options });
    this.ortModule = ort;
    this.log.debug(`onnx backend: onnxruntime-node ${ort.env.versions.node ?? '?'} on ${this.device}, ${this.threads ?? 'default'} threads`);
  }

  async compile(graph: Graph, options: OnnxCompileOptions = {}): Promise<Session> {
    await this.init();
    if (options.dynamicDims === true) return this.compileDynamic(graph, options);
    const dims = options.dims ?? {};
    const { baked, held } = splitConstants(graph, options.constants, this.options.maxBakedConstantBytes, this.log);
    const key = graphKey(graph, dims, options.decompose, this.options.fusedKernels, Object.values(options.constants ?? {}));
    // models with baked constants hold the weights: re-lowered on demand rather than kept
    const lowered = () => this.models.get(key) ?? this.lower(graph, dims, options, baked);
    if (baked.size === 0) this.remember(key, lowered());
    const settings = { device: this.device, threads: this.threads, options: this.options };
    const create = () => createOrtSession(this.ort, lowered(), settings);
    await this.sessions.getOrCreate(key, create); // compile errors surface here, not at the first run
    const constantNames = new Set(Object.keys(options.constants ?? {}));
    const inputs = graph.inputs.map((v) => ({
      name: v.name ?? `input_${v.id}`,
      onnxName: onnxInputName(graph, v),
      dtype: ortTypeName[ortDtypeOf(v.dtype)],
      shape: bindShape(v.shape, dims, `compile '${graph.name}'`),
    }));
    const host = {
      withSession: <T>(use: (s: OrtSession) => Promise<T>) => this.sessions.with(key, create, use),
      adopt: (t: OrtTensor) => this.track(t),
    };
    const fed = inputs.filter((i) => !constantNames.has(i.name));
    const heldFeeds = inputs.filter((i) => held.has(i.name)).map((i) => ({ signature: i, tensor: held.get(i.name) as OnnxDeviceTensor }));
    return new OnnxSession(host, options.name ?? graph.name, fed, graph.outputs.map((o) => o.name), heldFeeds);
  }

  /**
   * One session for every size of the dims `options.dims` leaves unbound, with `bakedInputs` baked in
   * as initializers. The lowered bytes are dropped once onnxruntime has the model: no host copy stays.
   */
  private async compileDynamic(graph: Graph, options: CompileOptions): Promise<Session> {
    const dims = options.dims ?? {};
    const { session, bakedNames } = await this.createDynamicSession(graph, options);
    this.pinned.add(session);
    const inputs = graph.inputs.map((v) => ({
      name: v.name ?? `input_${v.id}`,
      onnxName: onnxInputName(graph, v),
      dtype: ortTypeName[ortDtypeOf(v.dtype)],
      shape: v.shape.map((d) => (typeof d === 'number' ? d : dims[d] ?? d)),
    }));
    const host = {
      withSession: <T>(use: (s: OrtSession) => Promise<T>) => use(session),
      adopt: (t: OrtTensor) => this.track(t),
      release: async () => {
        if (this.pinned.delete(session)) await session.release();
        await this.removeLeftoverFolders();
      },
    };
    const fed = inputs.filter((i) => !bakedNames.has(i.name));
    return new OnnxSession(host, options.name ?? graph.name, fed, graph.outputs.map((o) => o.name));
  }

  /**
   * Writes the model with the baked inputs as external data to a temporary folder and lets
   * onnxruntime load it from there: no in-memory copy of the weights as model bytes (which the
   * session would keep), no 2 GiB protobuf limit, and the host tensors are unreferenced here before
   * onnxruntime builds its own copy. The bake stores weights the way the session reads them
   * (`writeBakedModel`), so onnxruntime folds no transposed copies: it pre-packs the matmul weights
   * and memory-maps the rest (the embedding) from the file, one copy of each weight in all.
   * (onnxruntime-node's in-memory `externalData` session option is not used: it needs the host
   * weights alive while onnxruntime loads, and the binding may copy each buffer first, see its
   * js/node/src/session_options_helper.cc, so two or three copies would coexist at the peak.)
   */
  private async createDynamicSession(graph: Graph, options: CompileOptions): Promise<{ session: OrtSession; bakedNames: Set<string> }> {
    const folder = await BakeFolder.create();
    try {
      const { bakedNames, path } = await this.writeBaked(graph, options, folder.path);
      collectGarbage(); // a caller that handed over its weights has them freed before onnxruntime copies them
      const session = await createOrtSession(this.ort, path, { device: this.device, threads: this.threads, options: this.options });
      return { session, bakedNames };
    } finally {
      if (!(await folder.remove())) this.leftoverFolders.add(folder);
    }
  }

  /** Takes the baked inputs, writes the model with them into `dir` and lets go of them; returns their names and the model's path. */
  private async writeBaked(graph: Graph, options: CompileOptions, dir: string): Promise<{ bakedNames: Set<string>; path: string }> {
    const weights = options.bakedInputs?.() ?? {};
    checkBakedInputs(graph, weights);
    const provider = executionProvidersFor(this.device, listProviders(this.ort))[0];
    const pretranspose = { fusedMatMul: provider === 'cpu' || provider === 'cuda' };
    const baked = await writeBakedModel(graph, { weights, dims: options.dims, lowerings: this.loweringsFor(graph, options.decompose), pretranspose }, dir);
    return { bakedNames: new Set(Object.keys(weights)), path: baked.modelPath };
  }

  /** The ONNX model of a graph in one shape bucket, as bytes. */
  lower(graph: Graph, dims: Readonly<Record<string, number>>, options: CompileOptions = {}, baked?: ReadonlyMap<string, HostTensor>): Uint8Array {
    return lowerGraph(graph, { dims, baked, lowerings: this.loweringsFor(graph, options.decompose) }).encode();
  }

  /**
   * Writes the graph as a standalone .onnx file (weights baked in, large ones as external data) that
   * plain onnxruntime runs, lowered exactly as `compile` lowers it for this backend's device.
   */
  async exportModel(graph: Graph, options: Omit<ExportOptions, 'lowerings'> & Pick<CompileOptions, 'decompose'>): Promise<ExportResult> {
    await this.init();
    return exportOnnx(graph, { ...options, lowerings: this.loweringsFor(graph, options.decompose) });
  }

  private loweringsFor(graph: Graph, decompose: CompileOptions['decompose']): Map<string, OnnxLowering> {
    const provider = executionProvidersFor(this.device, listProviders(this.ort))[0];
    return selectLowerings(graph.registry, { kernels: this.kernels, fusedKernels: this.options.fusedKernels, decompose, provider });
  }

  /** Copies the host data once; from then on runs read it in place. */
  upload(tensor: HostTensor): DeviceTensor {
    const copy = { ...tensor, data: tensor.data.slice() } as HostTensor;
    return this.track(toOrtTensor(this.ort, copy));
  }

  async download(tensor: DeviceTensor): Promise<HostTensor> {
    if (!(tensor instanceof OnnxDeviceTensor) || tensor.disposed) {
      throw new OkapiError(`download: the tensor ${tensor.disposed ? 'was disposed' : `belongs to backend '${tensor.backend}'`}`,
        { hint: 'Download live tensors of this backend (results of its runs or uploads).' });
    }
    const own = tensor;
    const host = fromOrtTensor(own.ort);
    return { ...host, data: host.data.slice() } as HostTensor;
  }

  memory(): MemoryReport {
    return this.ledger.report();
  }

  async dispose(): Promise<void> {
    for (const t of this.live) t.dispose();
    this.live.clear();
    await this.sessions.clear();
    for (const session of this.pinned) await session.release();
    this.pinned.clear();
    this.models.clear();
    await this.removeLeftoverFolders();
  }

  /** Bake folders a mapped file kept from being deleted (Windows), retried once sessions let go. */
  private async removeLeftoverFolders(): Promise<void> {
    for (const folder of this.leftoverFolders) if (await folder.remove()) this.leftoverFolders.delete(folder);
  }

  /** Keeps a lowered model for re-creating its session after eviction; the oldest beyond 2× the cache go. */
  private remember(key: string, model: Uint8Array): void {
    this.models.delete(key);
    this.models.set(key, model);
    while (this.models.size > 2 * this.options.sessionCacheSize) this.models.delete(this.models.keys().next().value as string);
  }

  private get ort(): Ort {
    return this.ortModule ?? (this.ortModule = loadOrt());
  }

  private track(t: OrtTensor): OnnxDeviceTensor {
    const host = fromOrtTensor(t);
    const device = new OnnxDeviceTensor(t, host.dtype, host.shape, this.ledger, () => this.live.delete(device));
    this.live.add(device);
    return device;
  }
}
