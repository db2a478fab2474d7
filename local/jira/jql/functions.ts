// JQL function names: which this engine evaluates, which Jira has but the emulator does not, and the messages.
import { DATE_FUNCTION_NAMES } from './dates';

/** Jira Cloud / JSM functions the emulator does not evaluate (lower case -> canonical). */
const KNOWN_UNSUPPORTED: Record<string, string> = Object.fromEntries([
  'approved', 'approver', 'breached', 'cascadeOption', 'choiceOption', 'closedSprints', 'completed',
  'componentsLeadByUser', 'currentLogin', 'customerDetail', 'earliestUnreleasedVersion', 'elapsed', 'everBreached',
  'futureSprints', 'issueHistory', 'issuesWithRemoteLinksByGlobalId', 'lastLogin', 'latestReleasedVersion',
  'linkedIssues', 'membersOf', 'myApproval', 'myPending', 'openSprints', 'organizationDetail', 'organizationMembers',
  'parentEpic', 'paused', 'pending', 'pendingBy', 'projectsLeadByUser', 'projectsWhereUserHasPermission',
  'projectsWhereUserHasRole', 'releasedVersions', 'remaining', 'running', 'standardIssueTypes', 'subtaskIssueTypes',
  'unreleasedVersions', 'updatedBy', 'votedIssues', 'watchedIssues', 'withinCalendarHours', 'startOfQuarter',
  'endOfQuarter',
].map((name) => [name.toLowerCase(), name]));

const SUPPORTED: Record<string, string> = { ...DATE_FUNCTION_NAMES, currentuser: 'currentUser' };

/**
 * The message for a function the field cannot use: unknown to Jira, known but not emulated, or emulated but not
 * meaningful for this field (e.g. `project = currentUser()`).
 */
export function functionNotAllowed(name: string, fieldName: string): string {
  const lower = name.toLowerCase();
  const supported = SUPPORTED[lower];
  if (supported !== undefined) return `The function '${supported}' is not supported for the field '${fieldName}'.`;
  const known = KNOWN_UNSUPPORTED[lower];
  if (known !== undefined) return `The function '${known}' is not supported by this Jira emulator.`;
  return `Unable to find JQL function '${name}()'.`;
}

export function isDateFunction(name: string): boolean {
  return DATE_FUNCTION_NAMES[name.toLowerCase()] !== undefined;
}

export function isCurrentUser(name: string): boolean {
  return name.toLowerCase() === 'currentuser';
}
