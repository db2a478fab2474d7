// The app's pages: `/apps` lists global and admin pages, `/apps/<key>` shows a `jira:globalPage` full width,
// `/settings/apps/<key>` a `jira:adminPage` (admins only here; the app still authorises every call on the server).
import type { UiModule } from '../../forge/manifest';
import { frameContext, frameElement, framesData, moduleLinks, type FrameSpec } from '../frames';
import { html, type SafeHtml } from '../html';
import type { PageRequest, PageResult } from './context';
import { icon } from './icons';
import { messageBody } from './layout';

const GLOBAL = 'jira:globalPage';
const ADMIN = 'jira:adminPage';

const globalPageHref = (key: string): string => `/apps/${encodeURIComponent(key)}`;
const adminPageHref = (key: string): string => `/settings/apps/${encodeURIComponent(key)}`;

function moduleList(req: PageRequest, title: string, modules: UiModule[], href: (key: string) => string, empty: string, testId: string): SafeHtml {
  return html`<section class="section" data-testid="${testId}">
    <h2 class="section-title">${title}</h2>
    ${modules.length === 0
      ? html`<div class="empty-inline">${icon('apps', 'empty-icon small')}<p class="muted">${empty}</p></div>`
      : html`<ul class="app-list">${modules.map(
          (m) => html`<li><a href="${href(m.key)}"><span class="app-icon" aria-hidden="true"></span><span><strong>${req.moduleTitle(m)}</strong><span class="muted">${m.key}</span></span></a></li>`,
        )}</ul>`}
  </section>`;
}

export function appsPage(req: PageRequest): PageResult {
  const globals = req.manifest.uiModules.filter((m) => m.type === GLOBAL);
  const admins = req.manifest.uiModules.filter((m) => m.type === ADMIN);
  const body = html`<div class="page-header"><h1>Apps</h1><span class="muted">Pages of the installed app</span></div>
    ${moduleList(req, 'Apps menu', globals, globalPageHref, 'The app adds no page to the Apps menu yet.', 'global-pages')}
    ${moduleList(req, 'Jira settings', admins, adminPageHref, 'The app adds no settings page yet.', 'admin-pages')}`;
  return { status: 200, title: 'Apps', active: 'apps', body };
}

export function settingsPage(req: PageRequest): PageResult {
  const admins = req.manifest.uiModules.filter((m) => m.type === ADMIN);
  const body = html`<div class="page-header"><h1>Settings</h1><span class="muted">Apps</span></div>
    ${moduleList(req, 'App settings', admins, adminPageHref, 'The app adds no settings page yet.', 'admin-pages')}`;
  return { status: 200, title: 'Settings', active: 'settings', body };
}

/** The module's pages as Jira lists them (`pages` in the manifest); the current one is the route after the module's key. */
function pagesNav(req: PageRequest, module: UiModule, base: string): SafeHtml {
  if (module.pages.length === 0) return html``;
  const route = req.url.pathname.slice(base.length).replace(/^\//, '').split('/')[0] ?? '';
  const current = module.pages.some((p) => p.route === route) ? route : module.pages[0]?.route;
  return html`<nav class="app-pages" aria-label="${req.moduleTitle(module)}" data-testid="app-pages">${module.pages.map(
    (p) => html`<a href="${base}/${encodeURIComponent(p.route)}" class="${p.route === current ? 'active' : ''}" ${p.route === current ? html`aria-current="page"` : html``} data-testid="app-page-${p.route}">${req.manifestText(p.title)}</a>`,
  )}</nav>`;
}

function modulePage(req: PageRequest, module: UiModule, active: 'apps' | 'settings'): PageResult {
  const title = req.moduleTitle(module);
  const spec: FrameSpec = {
    frameId: 'frame-1',
    moduleKey: module.key,
    title,
    resource: module.resource,
    context: frameContext(module, req.frameUser, req.site, {}),
  };
  const body = html`<div class="page-header app-page-header"><span class="app-icon" aria-hidden="true"></span><h1>${title}</h1></div>
    ${pagesNav(req, module, active === 'apps' ? globalPageHref(module.key) : adminPageHref(module.key))}
    <div class="app-page-frame">${frameElement(spec, 'forge-frame forge-frame-page')}</div>
    ${framesData([spec], moduleLinks(req.manifest.uiModules))}`;
  return { status: 200, title, active, body, scripts: ['host-bridge.js'], mainClass: 'main main-wide' };
}

function noSuchModule(key: string, kind: string, active: 'apps' | 'settings'): PageResult {
  return { status: 404, title: 'Page not found', active, body: messageBody('Page not found', `The app has no ${kind} '${key}'.`, 'module-not-found', { icon: 'apps', tone: 'warning', links: [{ href: '/apps', label: 'Go to apps' }] }) };
}

export function globalPage(req: PageRequest, key: string): PageResult {
  const module = req.manifest.uiModules.find((m) => m.type === GLOBAL && m.key === key);
  return module ? modulePage(req, module, 'apps') : noSuchModule(key, 'global page', 'apps');
}

export function adminPage(req: PageRequest, key: string): PageResult {
  const module = req.manifest.uiModules.find((m) => m.type === ADMIN && m.key === key);
  if (!module) return noSuchModule(key, 'settings page', 'settings');
  if (req.person.role !== 'admin') {
    return {
      status: 403,
      title: 'No permission',
      active: 'settings',
      body: messageBody('You do not have permission to see this page', 'Only Jira administrators can open app settings. Switch to an admin (top right).', 'no-permission', { icon: 'lock', tone: 'warning' }),
    };
  }
  return modulePage(req, module, 'settings');
}
