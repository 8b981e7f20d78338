import type { DependencyContainer } from 'tsyringe';

declare const tokenType: unique symbol;

/** A DI token that remembers the type it resolves to (tsyringe's symbol tokens don't). */
export type Token<T> = symbol & { readonly [tokenType]?: T };

export function createToken<T>(name: string): Token<T> {
  return Symbol(`okapi.${name}`) as Token<T>;
}

/** Typed resolve; for the composition root and tests only. */
export function resolveToken<T>(container: DependencyContainer, token: Token<T>): T {
  return container.resolve<T>(token);
}

/** Typed resolveAll; an unregistered token gives an empty list instead of an error. */
export function resolveAllTokens<T>(container: DependencyContainer, token: Token<T>): T[] {
  return container.isRegistered(token, true) ? container.resolveAll<T>(token) : [];
}
