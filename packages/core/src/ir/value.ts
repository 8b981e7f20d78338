import type { DType } from './dtype';
import type { Graph } from './graph';
import type { Node } from './node';
import type { Dim, Shape } from './shape';

/** The static type of a value: element type and (possibly symbolic) shape. */
export interface ValueType {
  readonly dtype: DType;
  readonly shape: Shape;
}

/**
 * One tensor-valued edge of a graph (SSA: produced once, by a node or as a graph input). Builder
 * functions read `graph` from their operands, so `ops.add(x, y)` needs no graph argument.
 */
export class Value implements ValueType {
  constructor(
    readonly graph: Graph,
    readonly id: number,
    readonly dtype: DType,
    readonly shape: Shape,
    /** The node that computes this value; undefined for graph inputs. */
    readonly node?: Node,
    /** Graph-input name, or a debugging name. */
    readonly name?: string,
  ) {}

  get rank(): number {
    return this.shape.length;
  }

  /** Dim at a possibly negative axis. */
  dim(axis: number): Dim {
    return this.shape[axis < 0 ? axis + this.shape.length : axis];
  }

  toString(): string {
    return `%${this.id}${this.name ? `(${this.name})` : ''}:${this.dtype}[${this.shape.join(',')}]`;
  }
}
