export * from './trainer';
export * from './schedules/lr-schedule';
export * from './rm/ranking-losses';
export * from './dpo/dpo-loss';
export * from './ppo/kl-controller';
export * from './ppo/gae';
export * from './ppo/ppo-loss';
