/**
 * Loads an npm module by name (CommonJS `require`). Injected so tests can pretend tfjs-node is
 * installed, or that wasm is missing, without touching node_modules.
 */
export type ModuleLoader = (packageName: string) => unknown;

/** Resolves a file inside an npm package (used to find the wasm binaries). */
export type ModuleResolver = (request: string) => string;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: native bindings load only when an engine is probed
export const requireModule: ModuleLoader = (packageName) => require(packageName);

export const resolveModule: ModuleResolver = (request) => require.resolve(request);
