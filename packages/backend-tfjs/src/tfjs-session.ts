import { OkapiError, type DeviceTensor, type RunOptions, type Session } from '@okapi/core';
import type { BoundGraph } from './compile/bind-graph';
import type { ExecutionPlan, PlannedStep } from './compile/execution-plan';
import { planRun } from './compile/plan-run';
import { ensureActive } from './engine/activate-engine';
import type { EngineSpec } from './engine/engine-spec';
import type { Tensor, Tf } from './engine/tf-module';
import type { TfjsKernel } from './kernels/tfjs-kernel';
import { tfDTypeOf } from './tensor/dtype-map';
import type { TensorLedger } from './tensor/tensor-ledger';
import { TfjsDeviceTensor } from './tensor/tfjs-device-tensor';
import { checkFeeds } from './check-feeds';

export interface SessionParts {
  readonly tf: Tf;
  readonly engine: EngineSpec;
  readonly graph: BoundGraph;
  readonly kernels: ReadonlyMap<string, TfjsKernel>;
  /** Constant-foldable values (Constant, Iota) computed at compile time; owned by the session. */
  readonly constants: ReadonlyMap<number, Tensor>;
  readonly ledger: TensorLedger;
  readonly onDispose: (session: TfjsSession) => void;
}

/**
 * A compiled graph: an interpreter over its bound nodes with one tfjs kernel per op. Each run is one
 * tf.tidy; intermediates are disposed right after their last reader, so peak memory is the live set.
 */
export class TfjsSession implements Session {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  private readonly plans = new Map<string, ExecutionPlan>();
  private disposed = false;

  constructor(private readonly parts: SessionParts) {
    this.inputNames = parts.graph.inputs.map((i) => i.name);
    this.outputNames = parts.graph.outputs.map((o) => o.name);
  }

  async run(feeds: Readonly<Record<string, DeviceTensor>>, options: RunOptions = {}): Promise<Record<string, DeviceTensor>> {
    if (this.disposed) throw new OkapiError(`Session '${this.parts.graph.name}' was disposed`, { hint: 'Compile the graph again.' });
    const { tf, graph, ledger } = this.parts;
    await ensureActive(tf, this.parts.engine.tfBackend);
    const fed = checkFeeds(graph, feeds);
    const plan = this.planFor(options.outputs ?? this.outputNames);
    const results = tf.tidy(() => this.execute(plan, fed));
    const dtypeOf = (id: number) => graph.outputs.find((o) => o.value.id === id)?.value.dtype ?? 'float32';
    return Object.fromEntries(plan.outputs.map((o, i) => [o.name, new TfjsDeviceTensor(results[i], dtypeOf(o.id), ledger)]));
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of this.parts.constants.values()) t.dispose();
    this.parts.onDispose(this);
  }

  private planFor(outputs: readonly string[]): ExecutionPlan {
    const key = outputs.join('\u0000');
    let plan = this.plans.get(key);
    if (plan === undefined) {
      const precomputed = new Set(this.parts.constants.keys());
      plan = planRun(this.parts.graph, outputs, { foldTransposes: !this.parts.engine.slowTransposedMatMul, precomputed });
      this.plans.set(key, plan);
    }
    return plan;
  }

  private execute(plan: ExecutionPlan, feeds: ReadonlyMap<number, Tensor>): Tensor[] {
    const { tf } = this.parts;
    const env = new Map<number, Tensor>([...this.parts.constants, ...feeds]);
    for (const step of plan.steps) {
      env.set(step.output.id, this.runStep(step, step.inputs.map((v) => env.get(v.id) as Tensor)));
      for (const id of step.release) {
        env.get(id)?.dispose();
        env.delete(id);
      }
    }
    // results the caller owns: feeds, constants and repeated outputs are cloned (clones share data)
    const handedOut = new Set<Tensor>();
    return plan.outputs.map((o) => {
      const t = env.get(o.id) as Tensor;
      const own = !feeds.has(o.id) && !this.parts.constants.has(o.id) && !handedOut.has(t);
      handedOut.add(t);
      return own ? t : tf.clone(t);
    });
  }

  private runStep(step: PlannedStep, inputs: Tensor[]): Tensor {
    const { tf, kernels } = this.parts;
    const kernel = kernels.get(step.op) as TfjsKernel;
    let y: Tensor;
    try {
      y = tf.tidy(() => kernel.run({ tf, inputs, step, engine: this.parts.engine }));
    } catch (error) {
      throw new Error(`${describeStep(step)} failed on tfjs engine '${this.parts.engine.name}': ${(error as Error).message}`, { cause: error });
    }
    if (inputs.includes(y)) y = tf.clone(y);
    checkResult(step, y);
    return y;
  }
}

function describeStep(step: PlannedStep): string {
  return `${step.op} (value %${step.output.id}, inputs ${step.inputs.map((v) => `[${v.shape.join(',')}]`).join(' ')})`;
}

/** A kernel must honour the planned type; a mismatch is a kernel bug, reported where it happens. */
function checkResult(step: PlannedStep, y: Tensor): void {
  const want = step.output.shape;
  const dtype = tfDTypeOf(step.output.dtype, step.op);
  if (y.dtype !== dtype || y.shape.length !== want.length || y.shape.some((d, i) => d !== want[i])) {
    y.dispose();
    throw new Error(`${describeStep(step)}: kernel returned ${y.dtype}[${y.shape.join(',')}], the plan says ${dtype}[${want.join(',')}]`);
  }
}
