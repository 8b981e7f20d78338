/** A class that DI can construct (tsyringe's own `constructor` type is not exported from its index). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor<T> = new (...args: any[]) => T;
