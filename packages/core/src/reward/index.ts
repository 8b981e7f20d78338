export * from './reward-model';
export * from './reward-factory';
export * from './register-rewards';
export * from './builtins/composite-reward';
export * from './builtins/language-fidelity-reward';
export * from './builtins/length-reward';
export * from './builtins/verifier-reward';
export * from './builtins/learned-reward';
