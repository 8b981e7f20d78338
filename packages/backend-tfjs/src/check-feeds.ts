import { didYouMean, OkapiError, type DeviceTensor } from '@okapi/core';
import type { BoundGraph } from './compile/bind-graph';
import type { Tensor } from './engine/tf-module';
import { asTfjsTensor } from './tensor/tfjs-device-tensor';

/** Feeds by value id, after checking every input is fed once with the bound shape and IR dtype. */
export function checkFeeds(graph: BoundGraph, feeds: Readonly<Record<string, DeviceTensor>>): Map<number, Tensor> {
  const names = graph.inputs.map((i) => i.name);
  for (const name of Object.keys(feeds)) {
    if (!names.includes(name)) {
      throw new OkapiError(`Graph '${graph.name}' has no input '${name}'`, { hint: `${didYouMean(name, names).trim()} Inputs: ${names.join(', ')}.`.trim() });
    }
  }
  const out = new Map<number, Tensor>();
  for (const input of graph.inputs) {
    const feed = feeds[input.name];
    const where = `graph '${graph.name}', input '${input.name}'`;
    if (feed === undefined) throw new OkapiError(`${where} was not fed`, { hint: `Every input must be fed: ${names.join(', ')}.` });
    const t = asTfjsTensor(feed, where);
    const sameShape = t.shape.length === input.shape.length && t.shape.every((d, i) => d === input.shape[i]);
    if (t.dtype !== input.dtype || !sameShape) {
      throw new OkapiError(`${where}: expected ${input.dtype}[${input.shape.join(', ')}], got ${t.dtype}[${t.shape.join(', ')}]`, {
        hint: 'Compile with dims matching this shape bucket, or upload the tensor with the declared dtype.',
      });
    }
    out.set(input.id, t.tensor);
  }
  return out;
}
