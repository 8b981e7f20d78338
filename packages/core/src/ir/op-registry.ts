import { closest } from 'fastest-levenshtein';
import { IrError } from './ir-error';
import type { OpDef } from './op-def';

/** Op definitions by name. Immutable; core's op set is `coreOps` (ops/all-ops.ts). */
export class OpRegistry {
  private readonly byName: ReadonlyMap<string, OpDef>;

  constructor(defs: readonly OpDef[]) {
    const map = new Map<string, OpDef>();
    for (const def of defs) {
      if (map.has(def.name)) throw new Error(`op '${def.name}' defined twice`);
      map.set(def.name, def);
    }
    this.byName = map;
  }

  get(name: string): OpDef {
    const def = this.byName.get(name);
    if (def === undefined) {
      const names = [...this.byName.keys()];
      throw new IrError(`Unknown IR op '${name}'`, `Did you mean '${closest(name, names)}'? Known ops: ${names.join(', ')}.`);
    }
    return def;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  list(): OpDef[] {
    return [...this.byName.values()];
  }
}
