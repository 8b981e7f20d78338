import { Graph } from './graph';
import { coreOps } from './ops/all-ops';

/** A new empty graph over core's op set. */
export function createGraph(name = 'graph'): Graph {
  return new Graph(coreOps, name);
}
