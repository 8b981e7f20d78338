export * from './attention-masks';
export * from './rotary-tables';
