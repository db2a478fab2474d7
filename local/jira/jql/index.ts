// The JQL engine of the Jira Cloud emulator. See README.md in this folder for the supported grammar and semantics.
export { compileJql, UNBOUNDED_JQL_MESSAGE } from './compile';
export { MAX_ORDER_BY_FIELDS } from './order-by';
export type {
  CompiledJql, IndexedProperty, IndexedPropertyValue, JqlContext, JqlIssue, JqlResult, StatusCategoryKey,
} from './types';
