// Billable hours (DESIGN.md section 4): invoice lines from worklogs, and the month's figures made of them.
// Pure: no clock read, no platform import.
export type { BillingContract, BillingCustomer, BillingTerms, IssueFact, WorklogFact } from './types';
export { roundSeconds } from './rounding';
export { amountFor, minorDigits, toMajor } from './money';
export { contractFor, customerOfIssue } from './attribution';
export { billWorklog } from './bill-worklog';
export { daysOfMonth, linesOfMonth } from './month';
export { summariseCustomerMonth, type MonthFigures } from './month-summary';
export { burnOf } from './burn';
export { drillDown } from './drill-down';
export { diffSnapshot } from './snapshot-diff';
