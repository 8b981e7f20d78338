// Type tests (checked by `tsc -p test/types`, part of `npm test`): wrong contributions must not compile.
import { definePlugin, defineConfig, createToken, type PluginRegistrar, type Token } from '@okapi/core';

declare const r: PluginRegistrar;

// A trainer descriptor is not a backend.
// @ts-expect-error trainer descriptor registered as a backend
r.backend({ id: 'sft', summary: 'trainer' });

// A language pack needs its code.
// @ts-expect-error language pack without a code
r.languagePack({ name: 'Vietnamese' });

// A command needs examples and run().
// @ts-expect-error command without run
r.command({ name: 'x', summary: 'x', examples: [] });

// A plugin needs meta.version.
// @ts-expect-error plugin without a version
definePlugin({ meta: { name: 'p' }, register: () => undefined });

// Config values are typed.
// @ts-expect-error seed must be a number
defineConfig({ seed: 'zero' });
// @ts-expect-error prompt is 'okapi' | 'native'
defineConfig({ prompt: 'fancy' });
defineConfig({ lang: 'vi', backend: { name: 'onnx' }, ppo: { initKlCoef: 0.1 } });

// Tokens remember their type.
const NumberToken: Token<number> = createToken<number>('n');
// @ts-expect-error a Token<number> is not a Token<string>
const wrong: Token<string> = NumberToken;
void wrong;
