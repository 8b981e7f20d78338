import type { Session, TensorBackend } from '../../backend/tensor-backend';
import type { Graph } from '../../ir/graph';

/** One graph compiled once per shape bucket (forward-only evaluators and scorers). */
export class SessionCache {
  private readonly sessions = new Map<string, Promise<Session>>();

  constructor(private readonly backend: TensorBackend, private readonly graph: Graph) {}

  get(dims: Readonly<Record<string, number>>): Promise<Session> {
    const key = JSON.stringify(dims);
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = this.backend.compile(this.graph, { dims, name: `${this.graph.name}-${Object.values(dims).join('x')}` });
      this.sessions.set(key, session);
    }
    return session;
  }

  async dispose(): Promise<void> {
    for (const s of this.sessions.values()) await (await s).dispose();
    this.sessions.clear();
  }
}
