// The Jira-like host page of the local host: `createHostServer` (the caller listens).
export { createHostServer, type HostServerOptions } from './server';
export { USER_COOKIE, type HostPerson } from './session';
export { RESOURCE_CSP, SHIM_PATH } from './resources';
