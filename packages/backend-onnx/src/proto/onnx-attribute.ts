import { onnx } from 'onnx-proto';

/**
 * An ONNX node attribute, tagged by kind: a bare number cannot say whether `1` is an int or a float,
 * and ONNX rejects the wrong one.
 */
export type OnnxAttribute =
  | { readonly int: number }
  | { readonly float: number }
  | { readonly string: string }
  | { readonly ints: readonly number[] }
  | { readonly floats: readonly number[] }
  | { readonly tensor: onnx.ITensorProto };

const Kind = onnx.AttributeProto.AttributeType;

export function toAttributeProto(name: string, value: OnnxAttribute): onnx.IAttributeProto {
  if ('int' in value) return { name, type: Kind.INT, i: value.int };
  if ('float' in value) return { name, type: Kind.FLOAT, f: value.float };
  if ('string' in value) return { name, type: Kind.STRING, s: new TextEncoder().encode(value.string) };
  if ('ints' in value) return { name, type: Kind.INTS, ints: [...value.ints] };
  if ('floats' in value) return { name, type: Kind.FLOATS, floats: [...value.floats] };
  return { name, type: Kind.TENSOR, t: value.tensor };
}
