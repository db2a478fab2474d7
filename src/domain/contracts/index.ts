// Contracts: which contract and rate card are in force on a day, and period checks. Pure.
export { contractInForce, contractOverlaps, localDate, periodProblem, rateCardOn } from './in-force';
export { monthOf, type MonthBounds } from './months';
