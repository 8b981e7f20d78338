import { injectable } from 'tsyringe';
import type { CompileOptions, DeviceTensor, MemoryReport, RunOptions, Session, TensorBackend } from '../../backend/tensor-backend';
import type { DType } from '../dtype';
import type { Graph } from '../graph';
import type { HostTensor } from '../host-tensor';
import { IrError } from '../ir-error';
import { ReferenceProgram } from './reference-program';
import { fromHost, toHost, type RefTensor } from './ref-tensor';

const bytesPerElement: Record<DType, number> = { float32: 4, float64: 8, float16: 2, bfloat16: 2, int32: 4, int64: 8, bool: 1 };

class ReferenceTensor implements DeviceTensor {
  readonly backend = 'reference';
  disposed = false;

  constructor(readonly value: RefTensor, private readonly live: Set<ReferenceTensor>) {
    live.add(this);
  }

  get dtype(): DType { return this.value.dtype; }
  get shape(): readonly number[] { return this.value.shape; }
  get bytes(): number { return this.value.data.length * bytesPerElement[this.value.dtype]; }

  dispose(): void {
    this.disposed = true;
    this.live.delete(this);
  }
}

class ReferenceSession implements Session {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];

  constructor(private readonly program: ReferenceProgram, private readonly live: Set<ReferenceTensor>) {
    this.inputNames = program.graph.inputs.map((i) => i.name as string);
    this.outputNames = program.graph.outputs.map((o) => o.name);
  }

  async run(feeds: Readonly<Record<string, DeviceTensor>>, options: RunOptions = {}): Promise<Record<string, DeviceTensor>> {
    const values: Record<string, RefTensor> = {};
    for (const [name, tensor] of Object.entries(feeds)) {
      if (!(tensor instanceof ReferenceTensor) || tensor.disposed) {
        throw new IrError(`reference session: feed '${name}' is disposed or from another backend (${tensor.backend})`, 'Upload tensors with this backend and keep them alive while running.');
      }
      values[name] = tensor.value;
    }
    const results = this.program.run(values);
    const wanted = options.outputs ?? this.outputNames;
    return Object.fromEntries(wanted.map((name) => [name, new ReferenceTensor(results[name], this.live)]));
  }

  async dispose(): Promise<void> {}
}

/**
 * A TensorBackend on the float64 reference interpreter: slow, exact, dependency-free. It is the
 * conformance suite's self-test and the truth backends are compared with.
 */
@injectable()
export class ReferenceBackend implements TensorBackend {
  readonly id = 'reference';
  readonly device = 'cpu';
  private readonly live = new Set<ReferenceTensor>();

  async init(): Promise<void> {}

  async compile(graph: Graph, options: CompileOptions = {}): Promise<Session> {
    return new ReferenceSession(new ReferenceProgram(graph, options.dims ?? {}, { decompose: options.decompose === 'all' }), this.live);
  }

  upload(tensor: HostTensor): DeviceTensor {
    return new ReferenceTensor(fromHost(tensor), this.live);
  }

  async download(tensor: DeviceTensor): Promise<HostTensor> {
    if (!(tensor instanceof ReferenceTensor) || tensor.disposed) throw new IrError('reference backend: cannot download a disposed or foreign tensor', 'Download tensors before disposing them.');
    return toHost(tensor.value);
  }

  memory(): MemoryReport {
    let bytes = 0;
    for (const t of this.live) bytes += t.bytes;
    return { tensors: this.live.size, bytes };
  }

  async dispose(): Promise<void> {
    for (const t of [...this.live]) t.dispose();
  }
}
