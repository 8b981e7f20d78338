import type { Attrs } from '../attrs';
import type { DType } from '../dtype';
import { hostTensor } from '../host-tensor';
import { IrError } from '../ir-error';
import type { GradContext, OpDef } from '../op-def';
import { broadcastShapes, showShape } from '../shape';
import type { Value, ValueType } from '../value';

/** A value, or a JS number that becomes a scalar constant of the other operand's dtype. */
export type Operand = Value | number;

export const floatTypes: readonly DType[] = ['float32', 'float64', 'float16', 'bfloat16'];
export const intTypes: readonly DType[] = ['int32', 'int64'];

export function isFloat(dtype: DType): boolean {
  return floatTypes.includes(dtype);
}

/** A scalar constant in the graph of `like`. */
export function scalar(like: Value, x: number, dtype: DType = like.dtype): Value {
  return like.graph.constant(hostTensor(dtype, [], [x]));
}

export function lift(x: Operand, like: Value): Value {
  return typeof x === 'number' ? scalar(like, x) : x;
}

/** Applies an op on the graph of its first input. */
export function apply(op: string, inputs: readonly Value[], attrs: Record<string, Attrs[string] | undefined> = {}): Value {
  return inputs[0].graph.apply(op, inputs, attrs);
}

/** Applies a binary op, lifting numbers to constants. */
export function binary(op: string, a: Operand, b: Operand): Value {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError(`${op}: at least one operand must be a Value`);
  const av = typeof a === 'number' ? scalar(b as Value, a) : a;
  return apply(op, [av, lift(b, av)]);
}

export function requireSameDType(inputs: readonly ValueType[], where: string): DType {
  const dtype = inputs[0].dtype;
  for (const v of inputs) {
    if (v.dtype !== dtype) {
      throw new IrError(`${where}: operand dtypes differ (${inputs.map((i) => i.dtype).join(', ')})`, 'Insert ops.cast(x, dtype) so both operands have the same dtype.');
    }
  }
  return dtype;
}

export function requireFloat(v: ValueType, where: string): void {
  if (!isFloat(v.dtype)) throw new IrError(`${where}: needs a float operand, got ${v.dtype}`, 'Cast integer inputs to float32 first.');
}

export function requireRank(v: ValueType, min: number, where: string): void {
  if (v.shape.length < min) throw new IrError(`${where}: needs rank >= ${min}, got shape ${showShape(v.shape)}`, 'Reshape the operand first.');
}

/** An elementwise op over broadcast operands (Add, Mul, …). */
export function broadcastOp(name: string, summary: string, arity: number, grad: OpDef['grad'], resultDType?: DType, inputDType?: DType): OpDef {
  return {
    name,
    summary,
    arity,
    grad,
    infer(inputs, _attrs, where) {
      const dtype = requireSameDType(inputs, where);
      if (inputDType !== undefined && dtype !== inputDType) {
        throw new IrError(`${where}: needs ${inputDType} operands, got ${dtype}`, `Compare first, or cast to ${inputDType}.`);
      }
      return { dtype: resultDType ?? dtype, shape: broadcastShapes(inputs.map((i) => i.shape), where) };
    },
  };
}

/** A float elementwise op of one input whose gradient is dy * f'(x, y). */
export function unaryOp(name: string, summary: string, derivative?: (x: Value, y: Value) => Value): OpDef {
  return {
    name,
    summary,
    arity: 1,
    infer([x], _attrs, where) {
      requireFloat(x, where);
      return { dtype: x.dtype, shape: x.shape };
    },
    grad: derivative && (({ inputs: [x], output, dy }: GradContext) => [apply('Mul', [dy, derivative(x, output)])]),
  };
}
