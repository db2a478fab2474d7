// Custom UI modules on a host page: one iframe per module, and the context `view.getContext()` answers in it
// (the `FullContext` of @forge/bridge: research/forge-platform.md sections 1.6 and 6.2).
import type { UiModule } from '../forge/manifest';
import { html, jsonScript, type SafeHtml } from './html';

export const ENVIRONMENT_ID = 'local-development';

export interface BridgeContext {
  accountId: string;
  cloudId: string;
  siteUrl: string;
  localId: string;
  moduleKey: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT';
  locale: string;
  timezone: string;
  theme: { colorMode: 'light' | 'dark' };
  extension: { type: string; [key: string]: unknown };
}

export interface FrameUser {
  accountId: string;
  locale: string;
  timeZone: string;
  /** The person's Jira theme; `view.theme.enable()` applies it in the frame. */
  colorMode?: 'light' | 'dark';
}

export interface FrameSite {
  cloudId: string;
  siteUrl: string;
}

/** What the host page script needs per iframe. */
export interface FrameSpec {
  frameId: string;
  moduleKey: string;
  title: string;
  /** The resource key the iframe (and any modal opened from it without a resource) shows. */
  resource: string;
  context: BridgeContext;
}

export function frameContext(module: UiModule, user: FrameUser, site: FrameSite, extension: Record<string, unknown>): BridgeContext {
  return {
    accountId: user.accountId,
    cloudId: site.cloudId,
    siteUrl: site.siteUrl,
    localId: `${module.key}-local`,
    moduleKey: module.key,
    environmentId: ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    locale: user.locale,
    timezone: user.timeZone,
    theme: { colorMode: user.colorMode ?? 'light' },
    extension: { ...extension, type: module.type },
  };
}

export function resourceUrl(resource: string): string {
  return `/forge/resources/${encodeURIComponent(resource)}/index.html`;
}

/** The iframe itself; its height follows the content (the shim reports it). */
export function frameElement(spec: FrameSpec, className = 'forge-frame'): SafeHtml {
  return html`<iframe class="${className}" data-forge-frame="${spec.frameId}" data-testid="forge-frame-${spec.moduleKey}"
    src="${resourceUrl(spec.resource)}" title="${spec.title}"
    sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"></iframe>`;
}

/** An issue-view side panel: header with the module title and a reload button, then the iframe. */
export function panelFrame(spec: FrameSpec): SafeHtml {
  return html`<section class="app-panel" data-testid="app-panel-${spec.moduleKey}">
    <header class="app-panel-header">
      <span class="app-icon" aria-hidden="true"></span>
      <h2>${spec.title}</h2>
      <button type="button" class="icon-button" data-reload-frame="${spec.frameId}" title="Reload ${spec.title}" aria-label="Reload ${spec.title}">&#8635;</button>
    </header>
    ${frameElement(spec)}
  </section>`;
}

/**
 * The frames' contexts for host-bridge.js, as inert JSON (no inline script runs), with the host URL of each
 * page module so `router.navigate({ target: 'module', moduleKey })` can be answered.
 */
export function framesData(frames: FrameSpec[], moduleLinks: Record<string, string>): SafeHtml {
  return jsonScript('forge-frames', { frames: Object.fromEntries(frames.map((f) => [f.frameId, f])), modules: moduleLinks });
}

/** Host URLs of the app's page modules (global pages under /apps, admin pages under /settings/apps). */
export function moduleLinks(modules: UiModule[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of modules) {
    if (m.type === 'jira:globalPage') out[m.key] = `/apps/${encodeURIComponent(m.key)}`;
    if (m.type === 'jira:adminPage') out[m.key] = `/settings/apps/${encodeURIComponent(m.key)}`;
  }
  return out;
}
