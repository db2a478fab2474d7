export * from './admin';
export * from './config';
export * from './issue-panel';
export * from './resolvers';
export * from './result';
