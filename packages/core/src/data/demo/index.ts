export * from './demo-task';
export * from './demo-tasks';
export * from './check-demo-response';
export * from './generate-demo-data';
export * from './ranked-candidates';
export * from './write-demo-data';
export * from './teacher-echo';
