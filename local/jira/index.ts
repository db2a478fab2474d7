// The Jira Cloud platform REST API v3 emulator of the local host (see emulator.ts for the API).
export { createJiraEmulator, type JiraEmulator, type JiraEmulatorOptions } from './emulator';
export type { FaultHandle, FaultInjector, FaultRule } from './faults';
export type { JiraBackend, JiraPrincipal, JiraRequest, JiraResponse, ProductEvent, ProductEventListener } from './backend';
export type { JiraSeed, SeedUser } from './seed';
export type { IndexedProperty } from './jql/types';
export type { NotificationRec as JiraNotification } from './model';
