// The host's HTTP server: Jira-like pages, the same-origin REST API, the app's Custom UI resources and the bridge
// endpoint. One origin for all of them, so the pages' `fetch('/rest/api/3/...')` and the iframes share the user.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { DemoPerson } from '../demo/types';
import type { LocalForge } from '../forge/runtime';
import { translateText } from '../forge/translations';
import type { JiraPrincipal } from '../jira/backend';
import { createJiraHttpHandler } from '../jira/http';
import type { JiraEmulator } from '../jira/emulator';
import { runInvoke } from './forge-invoke';
import type { FrameUser } from './frames';
import { html } from './html';
import { JiraAsUser } from './jira-client';
import { adminPage, appsPage, globalPage, settingsPage } from './pages/apps';
import type { PageRequest, PageResult } from './pages/context';
import { issueViewPage } from './pages/issue-view';
import { messageBody, renderPage } from './pages/layout';
import { projectsPage } from './pages/projects';
import { searchPage } from './pages/search';
import { contentType, resolveInside, serveResource, SHIM_PATH } from './resources';
import { parseCookies, Sessions, type HostPerson } from './session';
import { colorModeOf, THEME_COOKIE, THEME_CSS_PATH, themeCss } from './theme';

export interface HostServerOptions {
  forge: LocalForge;
  jira: JiraEmulator;
  /** The app's folder: manifest.yml, src/ and static/dist/. */
  appRoot: string;
  /** The demo people the user switcher offers (the first service manager is the default). */
  people: DemoPerson[];
  log?: (line: string) => void;
}

const ASSETS_DIR = join(__dirname, 'assets');
const MAX_FORM_BYTES = 1024 * 1024;

/** Host pages run only our own scripts; inline styles are used for avatar colours. */
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'";

class BadRequest extends Error {}
class Forbidden extends Error {}

/** Browsers send `Origin` on POSTs; a request without it (curl, tests) is not a cross-site one. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_FORM_BYTES) throw new BadRequest('The request body is too large.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Only same-site paths: an open redirect through the user switcher is not possible. */
function safeReturnTo(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export function createHostServer(options: HostServerOptions): Server {
  const { forge, jira, appRoot } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  const sessions = new Sessions<HostPerson>(options.people);
  const people: HostPerson[] = options.people;

  const principalFor = (req: IncomingMessage): JiraPrincipal | undefined => {
    // Basic auth wins (REST clients, curl); undefined lets the emulator authenticate it.
    if (req.headers.authorization) return undefined;
    const person = sessions.fromCookie(req);
    return person ? { kind: 'user', accountId: person.accountId } : { kind: 'anonymous' };
  };
  const restApi = createJiraHttpHandler(jira, { principalFor });

  const frameUserOf = (person: HostPerson, req: IncomingMessage): FrameUser => {
    const user = jira.users().find((u) => u.accountId === person.accountId);
    const demo = person as Partial<DemoPerson>;
    return {
      accountId: person.accountId,
      // Jira profiles say `en_US`; Forge contexts say `en-US`.
      locale: (user?.locale ?? demo.locale ?? 'en-US').replace('_', '-'),
      timeZone: user?.timeZone ?? demo.timeZone ?? 'UTC',
      colorMode: colorModeOf(parseCookies(req.headers.cookie).get(THEME_COOKIE)),
    };
  };

  async function page(req: IncomingMessage, res: ServerResponse, url: URL, render: (r: PageRequest) => Promise<PageResult> | PageResult): Promise<void> {
    const { person, fromCookie } = sessions.signedIn(req);
    const frameUser = frameUserOf(person, req);
    const pageReq: PageRequest = {
      url,
      person,
      people,
      jira: new JiraAsUser(jira, { kind: 'user', accountId: person.accountId }),
      viewer: { locale: frameUser.locale, timeZone: frameUser.timeZone },
      frameUser,
      site: { cloudId: forge.cloudId, siteUrl: `http://${req.headers.host ?? 'localhost'}` },
      manifest: forge.manifest,
      moduleTitle: (module) => translateText(forge.translations, module.title, frameUser.locale),
      manifestText: (text) => translateText(forge.translations, text, frameUser.locale),
    };
    const result = await render(pageReq);
    const body = renderPage({
      title: result.title,
      active: result.active,
      person,
      people,
      returnTo: url.pathname + url.search,
      body: result.body,
      colorMode: frameUser.colorMode ?? 'light',
      scripts: result.scripts,
      mainClass: result.mainClass,
    });
    const headers: Record<string, string> = {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'cache-control': 'no-store',
    };
    // The page's own REST calls and invokes must run as the person the page shows.
    if (!fromCookie) headers['set-cookie'] = sessions.cookieHeader(person.accountId);
    res.writeHead(result.status, headers);
    res.end(body.value);
  }

  async function serveAsset(res: ServerResponse, name: string): Promise<void> {
    const file = resolveInside(ASSETS_DIR, name);
    const content = file ? await readFile(file).catch(() => null) : null;
    if (!file || !content) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found.');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(content);
  }

  async function switchUser(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const person = sessions.find(form.get('accountId') ?? '');
    if (!person) throw new BadRequest(`accountId: '${form.get('accountId') ?? ''}' is not one of the demo people.`);
    res.writeHead(303, { location: safeReturnTo(form.get('returnTo')), 'set-cookie': sessions.cookieHeader(person.accountId) });
    res.end();
  }

  /** The person's Jira theme (light or dark), kept in a cookie the frames' shim reads too. */
  async function switchTheme(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const mode = form.get('mode');
    if (mode !== 'light' && mode !== 'dark') throw new BadRequest(`mode: '${mode ?? ''}' is not light or dark.`);
    res.writeHead(303, { location: safeReturnTo(form.get('returnTo')), 'set-cookie': `${THEME_COOKIE}=${mode}; Path=/; SameSite=Lax` });
    res.end();
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req)) as unknown;
    } catch (error) {
      if (error instanceof BadRequest) throw error;
      sendJson(res, 400, { ok: false, message: 'invoke: the request body is not JSON.' });
      return;
    }
    const { person } = sessions.signedIn(req);
    const { status, answer } = await runInvoke(forge, body, frameUserOf(person, req), log);
    sendJson(res, status, answer);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await restApi(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const isRead = method === 'GET' || method === 'HEAD';

    if (isRead && path.startsWith('/assets/')) return serveAsset(res, path.slice('/assets/'.length));
    if (isRead && path === SHIM_PATH) return serveAsset(res, 'bridge-shim.js');
    if (isRead && path === THEME_CSS_PATH) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(themeCss());
      return;
    }
    const resource = /^\/forge\/resources\/([^/]+)(\/.*)?$/.exec(path);
    if (isRead && resource) {
      // A folder URL without its trailing slash would resolve the bundle's relative paths one level up.
      if (resource[2] === undefined) {
        res.writeHead(301, { location: `${path}/` });
        res.end();
        return;
      }
      return serveResource(res, appRoot, forge.manifest.resources, decodeURIComponent(resource[1] ?? ''), resource[2], forge.translations);
    }
    if (method === 'POST' && (path === '/forge/invoke' || path === '/session/user' || path === '/session/theme')) {
      // Only this site's own pages may invoke resolvers or switch the user (no cross-site form posts).
      if (!sameOrigin(req)) throw new Forbidden(`${path}: requests from other sites are refused.`);
      if (path === '/session/theme') return switchTheme(req, res);
      return path === '/forge/invoke' ? invoke(req, res) : switchUser(req, res);
    }
    if (!isRead) {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' });
      res.end(`${method} is not allowed on ${path}.`);
      return;
    }

    if (path === '/' || path === '/projects') return page(req, res, url, projectsPage);
    if (path === '/issues') return page(req, res, url, searchPage);
    const browse = /^\/browse\/([^/]+)$/.exec(path);
    if (browse) return page(req, res, url, (r) => issueViewPage(r, decodeURIComponent(browse[1] ?? '')));
    if (path === '/apps') return page(req, res, url, appsPage);
    // A global page's own routes follow its key (`/apps/<key>/billing?month=...`), as Forge keeps them in Jira's URL.
    const app = /^\/apps\/([^/]+)(?:\/.*)?$/.exec(path);
    if (app) return page(req, res, url, (r) => globalPage(r, decodeURIComponent(app[1] ?? '')));
    if (path === '/settings' || path === '/settings/apps') return page(req, res, url, settingsPage);
    const admin = /^\/settings\/apps\/([^/]+)(?:\/.*)?$/.exec(path);
    if (admin) return page(req, res, url, (r) => adminPage(r, decodeURIComponent(admin[1] ?? '')));
    if (path === '/favicon.ico') return serveAsset(res, 'favicon.svg');

    return page(req, res, url, () => ({
      status: 404,
      title: 'Page not found',
      active: null,
      body: messageBody('Page not found', html`There is no page at <code>${path}</code>.`, 'page-not-found', { tone: 'warning', links: [{ href: '/projects', label: 'Go to projects' }, { href: '/issues', label: 'Search issues' }] }),
    }));
  }

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof BadRequest || error instanceof Forbidden) {
        if (!res.headersSent) res.writeHead(error instanceof Forbidden ? 403 : 400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(message);
        return;
      }
      log(`host: ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The local host failed to answer this request; the details are in its log.');
    });
  });
}
