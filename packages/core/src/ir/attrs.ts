import type { HostTensor } from './host-tensor';
import type { Dim } from './shape';

/** An attribute: a scalar, a string, a list of dims (numbers or symbolic names), or a constant tensor. */
export type AttrValue = number | string | boolean | readonly Dim[] | HostTensor;
export type Attrs = Readonly<Record<string, AttrValue>>;

/** Reads a number attribute, with a default. */
export function numAttr(attrs: Attrs, name: string, fallback?: number): number {
  const v = attrs[name] ?? fallback;
  if (typeof v !== 'number') throw new TypeError(`attribute '${name}' must be a number (got ${String(v)})`);
  return v;
}

/** Reads a list attribute of numbers, with a default. */
export function numsAttr(attrs: Attrs, name: string, fallback?: readonly number[]): number[] {
  const v = attrs[name] ?? fallback;
  if (!Array.isArray(v) || v.some((d) => typeof d !== 'number')) throw new TypeError(`attribute '${name}' must be a number[]`);
  return [...(v as number[])];
}

/** Reads a list attribute of dims (numbers or symbolic names). */
export function dimsAttr(attrs: Attrs, name: string): Dim[] {
  const v = attrs[name];
  if (!Array.isArray(v)) throw new TypeError(`attribute '${name}' must be a list of dims`);
  return [...(v as Dim[])];
}
