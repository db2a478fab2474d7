// The SLA conformance case format: parse a case file, run it with the engine, report the differences.
export { runCaseFile, type CaseFileOutcome, type CheckOutcome, type Mismatch } from './run-case';
export { reportFile, closingLine, type Tally } from './report';
export { parseIsoInstant, formatInstant } from './iso';
