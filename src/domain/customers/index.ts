// Customers: which customer an issue belongs to, and findings about the matching rules. Pure.
export { analyseRules, createMatcher, matchCustomer, type CustomerMatch, type CustomerMatcher, type IssueFacts } from './matching';
