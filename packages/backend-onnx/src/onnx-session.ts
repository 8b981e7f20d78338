import { OkapiError, type DeviceTensor, type RunOptions, type Session } from '@okapi/core';
import { OnnxDeviceTensor } from './onnx-device-tensor';
import type { OrtSession } from './ort/create-session';
import type { OrtTensor } from './ort/tensor-convert';

/** What a session needs from its backend: the compiled onnxruntime session and a way to adopt outputs. */
export interface SessionHost {
  /** Runs `use` on the onnxruntime session for this graph and shape bucket (from the backend's cache). */
  withSession<T>(use: (session: OrtSession) => Promise<T>): Promise<T>;
  /** Wraps a run's output as a device tensor the caller owns. */
  adopt(tensor: OrtTensor): OnnxDeviceTensor;
  /** Frees a session that is not the cache's (dynamic-dims compiles); called by `dispose`. */
  release?(): Promise<void>;
}

export interface InputSignature {
  readonly name: string;
  /** The model's name for it (differs when an output has the same name). */
  readonly onnxName: string;
  readonly dtype: string;
  /** A name stands for a dim left symbolic (dynamic-dims compiles): any size is accepted. */
  readonly shape: readonly (number | string)[];
}

/** A compiled graph for one shape bucket; cheap handle over a cached onnxruntime session. */
export class OnnxSession implements Session {
  private closed = false;

  constructor(
    private readonly host: SessionHost,
    private readonly graphName: string,
    private readonly inputs: readonly InputSignature[],
    readonly outputNames: readonly string[],
    /** Inputs the session feeds itself (constants too large to bake into the model). */
    private readonly held: readonly { signature: InputSignature; tensor: OnnxDeviceTensor }[] = [],
  ) {}

  get inputNames(): readonly string[] {
    return this.inputs.map((i) => i.name);
  }

  async run(feeds: Readonly<Record<string, DeviceTensor>>, options: RunOptions = {}): Promise<Record<string, DeviceTensor>> {
    if (this.closed) throw new OkapiError(`Session '${this.graphName}' was disposed`, { hint: 'Compile the graph again.' });
    const ortFeeds: Record<string, OrtTensor> = {};
    for (const input of this.inputs) ortFeeds[input.onnxName] = this.checkedFeed(input, feeds[input.name]).ort;
    for (const { signature, tensor } of this.held) ortFeeds[signature.onnxName] = this.checkedFeed(signature, tensor).ort;
    const wanted = options.outputs ?? this.outputNames;
    for (const name of wanted) {
      if (!this.outputNames.includes(name)) {
        throw new OkapiError(`Session '${this.graphName}' has no output '${name}'`, { hint: `Outputs: ${this.outputNames.join(', ')}.` });
      }
    }
    const results = await this.host.withSession((session) => session.run(ortFeeds, [...wanted]));
    const out: Record<string, DeviceTensor> = {};
    for (const name of wanted) out[name] = this.host.adopt(results[name] as OrtTensor);
    return out;
  }

  async dispose(): Promise<void> {
    // a cached onnxruntime session is shared through the backend's cache and released with it
    if (!this.closed) await this.host.release?.();
    this.closed = true;
  }

  private checkedFeed(input: InputSignature, feed: DeviceTensor | undefined): OnnxDeviceTensor {
    const where = `Session '${this.graphName}', input '${input.name}'`;
    if (feed === undefined) {
      throw new OkapiError(`${where} was not fed`, { hint: `Feed every input: ${this.inputNames.join(', ')}.` });
    }
    if (!(feed instanceof OnnxDeviceTensor)) {
      throw new OkapiError(`${where}: the tensor belongs to backend '${feed.backend}'`, { hint: 'Upload it with this backend (backend.upload(host)).' });
    }
    if (feed.disposed) throw new OkapiError(`${where}: the tensor was disposed`, { hint: 'Keep resident tensors alive until the last run that reads them.' });
    const sameShape = feed.shape.length === input.shape.length && feed.shape.every((d, i) => d === input.shape[i] || typeof input.shape[i] === 'string');
    if (!sameShape || feed.ort.type !== input.dtype) {
      throw new OkapiError(`${where}: got ${feed.dtype}[${feed.shape.join(', ')}], the compiled graph takes ${input.dtype}[${input.shape.join(', ')}]`,
        { hint: 'Compile a session for this shape bucket (CompileOptions.dims), or cast/reshape the tensor.' });
    }
    return feed;
  }
}
