import { OkapiError, type CompileOptions, type DeviceTensor, type Graph, type HostTensor, type Logger } from '@okapi/core';
import { OnnxDeviceTensor } from './onnx-device-tensor';
import { fromOrtTensor } from './ort/tensor-convert';

/** `compile` options the onnx backend understands beyond core's. */
export interface OnnxCompileOptions extends CompileOptions {
  /**
   * Graph inputs whose values stay fixed for the session's lifetime (inference weights). They are
   * baked into the model as initializers, so onnxruntime pre-packs matmul weights and folds
   * constants (about 30% faster inference of a transformer stack); they are then not fed to `run`.
   */
  readonly constants?: Readonly<Record<string, DeviceTensor>>;
}

/** The constants as host tensors (sharing the device tensors' data), checked against the graph. */
export function constantHosts(graph: Graph, constants: OnnxCompileOptions['constants'] = {}): Map<string, HostTensor> {
  const hosts = new Map<string, HostTensor>();
  for (const [name, tensor] of Object.entries(constants)) {
    const input = graph.inputs.find((i) => i.name === name);
    if (input === undefined) {
      throw new OkapiError(`compile '${graph.name}': constant '${name}' is not an input of the graph`,
        { hint: `Inputs: ${graph.inputs.map((i) => i.name).join(', ')}.` });
    }
    if (!(tensor instanceof OnnxDeviceTensor) || tensor.disposed) {
      throw new OkapiError(`compile '${graph.name}': constant '${name}' is not a live onnx device tensor`,
        { hint: 'Upload it with this backend and keep it alive while sessions compiled with it are in use.' });
    }
    hosts.set(name, fromOrtTensor(tensor.ort));
  }
  return hosts;
}

/** Which constants go into the model (host views) and which the session feeds itself. */
export function splitConstants(graph: Graph, constants: OnnxCompileOptions['constants'], maxBytes: number, log: Logger): {
  baked: Map<string, HostTensor>;
  held: Map<string, OnnxDeviceTensor>;
} {
  const hosts = constantHosts(graph, constants);
  const bytes = [...hosts.values()].reduce((n, t) => n + t.data.byteLength, 0);
  if (bytes <= maxBytes) return { baked: hosts, held: new Map() };
  log.warn(`compile '${graph.name}': ${bytes} bytes of constants exceed onnx.maxBakedConstantBytes; they are fed on each run instead of baked in`);
  return { baked: new Map(), held: new Map(Object.entries(constants ?? {}) as [string, OnnxDeviceTensor][]) };
}

/** `CompileOptions.bakedInputs` must name inputs of the graph. */
export function checkBakedInputs(graph: Graph, inputs: Readonly<Record<string, HostTensor>>): void {
  const names = new Set(graph.inputs.map((i) => i.name));
  const unknown = Object.keys(inputs).filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new OkapiError(`compile '${graph.name}': baked inputs ${unknown.join(', ')} are not inputs of the graph`,
      { hint: `Inputs: ${[...names].join(', ')}.` });
  }
}
