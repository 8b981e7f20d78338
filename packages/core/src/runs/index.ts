export * from './metrics-log';
export * from './checkpoint-rotation';
export * from './html-report';
export * from './run-directory';
