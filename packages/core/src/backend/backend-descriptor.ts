import type { Constructor } from '../util/constructor';
import type { DType } from '../ir/dtype';
import type { TensorBackend } from './tensor-backend';

export interface BackendCapabilities {
  /** Can run training graphs (forward + backward + optimizer). */
  readonly training: boolean;
  readonly dtypes: readonly DType[];
  /** Devices this backend can drive at all, e.g. ['cpu', 'cuda']; `probe()` says which exist here. */
  readonly devices: readonly string[];
}

/** What a backend found on this machine. Never throws: unavailability is a value with a reason. */
export type BackendProbe =
  | {
    readonly available: true;
    readonly devices: readonly string[];
    readonly detail?: string;
    /** Devices the backend supports but this machine lacks, each with why and how to get it. */
    readonly unavailableDevices?: Readonly<Record<string, string>>;
  }
  | { readonly available: false; readonly reason: string; readonly install?: string };

export interface BackendDescriptor {
  readonly id: string;
  readonly summary: string;
  /** Higher wins when config says `backend: { name: 'auto' }`. */
  readonly priority: number;
  readonly capabilities: BackendCapabilities;
  /** Checks native bindings and devices lazily (no work at import time). */
  probe(): Promise<BackendProbe>;
  /** `@injectable()` class, resolved inside the run scope. */
  readonly useClass: Constructor<TensorBackend>;
}
