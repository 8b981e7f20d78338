import {
  Config, KernelContribution, LoggerToken, OkapiError,
  type CompileOptions, type DeviceTensor, type Graph, type HostTensor, type KernelDescriptor, type Logger,
  type MemoryReport, type OkapiConfig, type Session, type TensorBackend,
} from '@okapi/core';
import { inject, injectable, injectAll } from 'tsyringe';
import { compileSession } from './compile-session';
import { activateEngine, ensureActive } from './engine/activate-engine';
import { chooseEngine } from './engine/choose-engine';
import { nodeEnvironment } from './engine/engine-environment';
import type { EngineSpec } from './engine/engine-spec';
import { probeEngines } from './engine/probe-engines';
import type { Tf } from './engine/tf-module';
import { buildKernelTable } from './kernel-table';
import type { TfjsKernel } from './kernels/tfjs-kernel';
import { toHostTensor, toTfTensor } from './tensor/host-convert';
import { TensorLedger } from './tensor/tensor-ledger';
import { asTfjsTensor, tfjsBackendId, TfjsDeviceTensor } from './tensor/tfjs-device-tensor';
import { tfjsOptionsFrom } from './tfjs-options';
import type { TfjsSession } from './tfjs-session';

interface Started {
  readonly tf: Tf;
  readonly engine: EngineSpec;
  readonly kernels: ReadonlyMap<string, TfjsKernel>;
}

/** Core's IR graphs run by a tfjs interpreter on the engine chosen for the configured device. */
@injectable()
export class TfjsBackend implements TensorBackend {
  readonly id = tfjsBackendId;
  readonly device: string;
  private readonly ledger = new TensorLedger();
  private readonly sessions = new Set<TfjsSession>();
  private starting?: Promise<Started>;
  private started?: Started;

  constructor(
    @inject(Config) private readonly config: OkapiConfig,
    @inject(LoggerToken) private readonly log: Logger,
    @injectAll(KernelContribution, { isOptional: true }) private readonly contributedKernels: KernelDescriptor[] = [],
  ) {
    this.device = config.backend.device;
  }

  /** The tfjs engine running this backend ('wasm', 'cpu', …); known after init(). */
  get engine(): string | undefined {
    return this.started?.engine.name;
  }

  init(): Promise<void> {
    this.starting ??= this.start();
    return this.starting.then(() => undefined);
  }

  async compile(graph: Graph, options: CompileOptions = {}): Promise<Session> {
    const { tf, engine, kernels } = await this.ready();
    await ensureActive(tf, engine.tfBackend);
    const onDispose = (s: TfjsSession) => this.sessions.delete(s);
    const session = compileSession(graph, options, { tf, engine, kernels, ledger: this.ledger, onDispose });
    this.sessions.add(session);
    return session;
  }

  upload(tensor: HostTensor): DeviceTensor {
    const { tf, engine } = this.requireStarted('upload');
    const backend = tf.findBackend(engine.tfBackend) ?? undefined;
    return new TfjsDeviceTensor(toTfTensor(tf, tensor, 'upload', backend), tensor.dtype, this.ledger);
  }

  async download(tensor: DeviceTensor): Promise<HostTensor> {
    const t = asTfjsTensor(tensor, 'download');
    return toHostTensor(t.tensor, t.dtype);
  }

  memory(): MemoryReport {
    return this.ledger.report();
  }

  async dispose(): Promise<void> {
    for (const s of [...this.sessions]) await s.dispose();
    this.ledger.disposeAll();
  }

  private async start(): Promise<Started> {
    const reports = probeEngines(nodeEnvironment);
    const report = chooseEngine(reports, this.device, tfjsOptionsFrom(this.config).engine);
    const kernels = buildKernelTable(this.contributedKernels);
    const tf = await activateEngine(report, nodeEnvironment);
    this.log.debug(`tfjs backend: engine '${report.spec.name}' (${report.spec.packageName}) for device '${this.device}'`);
    this.started = { tf, engine: report.spec, kernels };
    return this.started;
  }

  private async ready(): Promise<Started> {
    await this.init();
    return this.started as Started;
  }

  private requireStarted(what: string): Started {
    if (this.started === undefined) {
      throw new OkapiError(`tfjs backend: ${what} before init()`, { hint: 'Await backend.init() (or compile()) before uploading tensors.' });
    }
    return this.started;
  }
}
