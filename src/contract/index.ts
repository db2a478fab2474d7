export * from './issue-panel';
export * from './resolvers';
export * from './result';
