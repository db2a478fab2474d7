// Who may see and do what. A simplified permission scheme, the same for every project:
// - a user may browse a project when one of their groups is in its `browseGroups` or is a Jira admin group;
// - staff (`accountType: atlassian`) get every issue permission in projects they browse; customers (JSM portal
//   users) may browse, create and comment only; admins get everything;
// - the app (`asApp`) acts as its bot account, which Jira puts in the project role `atlassian-addons-project-access`:
//   it holds every project permission in each project whose scheme still grants that role (seed `appAccess`, default
//   true) and nothing in the others (their issues do not exist for it); it holds every global permission;
// - restricted comments and worklogs: a `group` restriction admits that group's members (the app: the groups of the
//   emulator option `appGroups`, none by default), a `role` restriction the role's members (Administrators = admins,
//   Service Desk Team / Developers = staff and the app, Service Desk Customers = customers).
import { createHash } from 'node:crypto';
import type { JiraPrincipal } from './backend';
import type { Catalog, IssueRec, ProjectRec, Visibility } from './model';
import type { SeedUser } from './seed';

/** The app's bot account (`groups`: the emulator option `appGroups`), or a user of the site. */
export type Viewer =
  | { kind: 'app'; groups: ReadonlySet<string> }
  | { kind: 'user'; user: SeedUser; groups: ReadonlySet<string>; admin: boolean };

/** The app's viewer: its bot account in `groups` (none by default, as a new app's account on a real site). */
export const appViewer = (groups: Iterable<string> = []): Viewer => ({ kind: 'app', groups: new Set(groups) });

/** Project roles the app's account is treated as holding (restrictions to other roles hide the item from it). */
export const APP_ROLES: ReadonlySet<string> = new Set(['Service Desk Team', 'Developers']);

export function viewerFor(principal: JiraPrincipal, catalog: Catalog, appGroups: Iterable<string> = []): Viewer | null {
  if (principal.kind === 'app') return appViewer(appGroups);
  if (principal.kind === 'anonymous') return null;
  const user = catalog.users.get(principal.accountId);
  if (!user || !user.active) return null;
  const groups = new Set(user.groups);
  return { kind: 'user', user, groups, admin: user.groups.some((g) => catalog.adminGroups.has(g)) };
}

export const accountIdOf = (viewer: Viewer): string | null => (viewer.kind === 'user' ? viewer.user.accountId : null);

export function canBrowseProject(viewer: Viewer, project: ProjectRec): boolean {
  // An admin can take `atlassian-addons-project-access` out of a project's permission scheme (seed `appAccess: false`).
  if (viewer.kind === 'app') return project.appAccess !== false;
  if (viewer.admin) return true;
  return project.browseGroups.some((g) => viewer.groups.has(g));
}

export function visibleProjects(viewer: Viewer, catalog: Catalog): ProjectRec[] {
  return [...catalog.projects.values()].filter((p) => canBrowseProject(viewer, p));
}

export function canSeeIssue(viewer: Viewer, issue: IssueRec, catalog: Catalog): boolean {
  const project = catalog.projects.get(issue.projectId);
  return project !== undefined && canBrowseProject(viewer, project);
}

export interface PermissionDef { id: string; key: string; name: string; type: 'GLOBAL' | 'PROJECT'; description: string }

export const PERMISSIONS: PermissionDef[] = [
  { id: '0', key: 'ADMINISTER', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.' },
  { id: '44', key: 'SYSTEM_ADMIN', name: 'Administer Jira', type: 'GLOBAL', description: 'Configure Jira system settings.' },
  { id: '27', key: 'USER_PICKER', name: 'Browse users and groups', type: 'GLOBAL', description: 'View and select users or groups from the user picker.' },
  { id: '10', key: 'BROWSE_PROJECTS', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  { id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  { id: '13', key: 'ASSIGN_ISSUES', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  { id: '14', key: 'RESOLVE_ISSUES', name: 'Resolve Issues', type: 'PROJECT', description: 'Ability to resolve and reopen issues.' },
  { id: '15', key: 'ADD_COMMENTS', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  { id: '16', key: 'DELETE_ISSUES', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  { id: '17', key: 'ASSIGNABLE_USER', name: 'Assignable User', type: 'PROJECT', description: 'Users with this permission may be assigned to issues.' },
  { id: '18', key: 'CLOSE_ISSUES', name: 'Close Issues', type: 'PROJECT', description: 'Ability to close issues.' },
  { id: '20', key: 'WORK_ON_ISSUES', name: 'Work On Issues', type: 'PROJECT', description: 'Ability to log work done against an issue.' },
  { id: '23', key: 'ADMINISTER_PROJECTS', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  { id: '34', key: 'EDIT_ALL_COMMENTS', name: 'Edit All Comments', type: 'PROJECT', description: 'Ability to edit all comments made on issues.' },
  { id: '35', key: 'EDIT_OWN_COMMENTS', name: 'Edit Own Comments', type: 'PROJECT', description: 'Ability to edit own comments made on issues.' },
  { id: '36', key: 'DELETE_ALL_COMMENTS', name: 'Delete All Comments', type: 'PROJECT', description: 'Ability to delete all comments made on issues.' },
  { id: '37', key: 'DELETE_OWN_COMMENTS', name: 'Delete Own Comments', type: 'PROJECT', description: 'Ability to delete own comments made on issues.' },
  { id: '39', key: 'EDIT_OWN_WORKLOGS', name: 'Edit Own Worklogs', type: 'PROJECT', description: 'Ability to edit own worklogs made on issues.' },
  { id: '40', key: 'EDIT_ALL_WORKLOGS', name: 'Edit All Worklogs', type: 'PROJECT', description: 'Ability to edit all worklogs made on issues.' },
  { id: '41', key: 'DELETE_OWN_WORKLOGS', name: 'Delete Own Worklogs', type: 'PROJECT', description: 'Ability to delete own worklogs made on issues.' },
  { id: '42', key: 'DELETE_ALL_WORKLOGS', name: 'Delete All Worklogs', type: 'PROJECT', description: 'Ability to delete all worklogs made on issues.' },
  { id: '46', key: 'TRANSITION_ISSUES', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
];
export const PERMISSION_BY_KEY = new Map(PERMISSIONS.map((p) => [p.key, p]));

const CUSTOMER_PERMISSIONS = new Set(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'ADD_COMMENTS', 'EDIT_OWN_COMMENTS', 'DELETE_OWN_COMMENTS']);
const ADMIN_ONLY = new Set(['ADMINISTER_PROJECTS', 'EDIT_ALL_COMMENTS', 'DELETE_ALL_COMMENTS', 'EDIT_ALL_WORKLOGS', 'DELETE_ALL_WORKLOGS', 'DELETE_ISSUES']);

export function hasGlobalPermission(viewer: Viewer, key: string): boolean {
  // Global permissions do not depend on project schemes: the app keeps them all.
  if (viewer.kind === 'app') return true;
  if (key === 'USER_PICKER') return viewer.admin || viewer.user.accountType === 'atlassian';
  return viewer.admin;
}

export function hasProjectPermission(viewer: Viewer, project: ProjectRec, key: string): boolean {
  // The app's role holds every project permission where the scheme grants it, none where an admin took it out.
  if (viewer.kind === 'app') return canBrowseProject(viewer, project);
  if (viewer.admin) return true;
  if (!canBrowseProject(viewer, project)) return false;
  if (key === 'ADMINISTER_PROJECTS') return project.leadAccountId === viewer.user.accountId;
  if (ADMIN_ONLY.has(key)) return false;
  if (viewer.user.accountType === 'customer') return CUSTOMER_PERMISSIONS.has(key);
  return true;
}

export interface RoleDef { id: string; name: string }
export const ROLES: RoleDef[] = [
  { id: '10002', name: 'Administrators' },
  { id: '10100', name: 'Service Desk Team' },
  { id: '10101', name: 'Service Desk Customers' },
  { id: '10001', name: 'Developers' },
];
export const ROLE_BY_NAME = new Map(ROLES.map((r) => [r.name.toLowerCase(), r]));
export const ROLE_BY_ID = new Map(ROLES.map((r) => [r.id, r]));

/** The restriction Jira Service Management puts on internal comments in this emulator. */
export const INTERNAL_VISIBILITY: Visibility = { type: 'role', value: 'Service Desk Team', identifier: '10100' };

/** A stable UUID-shaped group id derived from the name (Jira's group ids are UUIDs). */
export function groupId(name: string): string {
  const h = createHash('sha1').update(`group:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Whether the viewer may see a comment or worklog with this restriction on an issue of `project`. */
export function canSeeRestricted(viewer: Viewer, project: ProjectRec, visibility: Visibility | null): boolean {
  if (visibility === null) return true;
  if (visibility.type === 'group') return viewer.groups.has(visibility.value);
  if (viewer.kind === 'user' && viewer.admin) return true;
  const role = ROLE_BY_ID.get(visibility.identifier) ?? ROLE_BY_NAME.get(visibility.value.toLowerCase());
  if (!role || !canBrowseProject(viewer, project)) return false;
  if (viewer.kind === 'app') return APP_ROLES.has(role.name);
  if (role.name === 'Service Desk Customers') return viewer.user.accountType === 'customer';
  if (role.name === 'Administrators') return false;
  return viewer.user.accountType === 'atlassian';
}

/** The stored restriction for a seed's or request's `{ type, value }`: groups by name, roles by name or id. */
export function visibilityOf(type: 'group' | 'role', value: string): Visibility | null {
  if (type === 'group') return { type, value, identifier: groupId(value) };
  const role = ROLE_BY_NAME.get(value.toLowerCase()) ?? ROLE_BY_ID.get(value);
  return role ? { type, value: role.name, identifier: role.id } : null;
}
