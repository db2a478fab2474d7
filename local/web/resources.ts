// Serves Custom UI resources (`manifest.yml` `resources[].path`, e.g. static/dist/issue-panel) the way Forge's
// CDN and tunnel do: files under the resource folder only, a CSP like @forge/csp's, in `index.html` the bridge
// shim as the first child of <head> so `window.__bridge` exists before the bundle runs, and the app's
// translations under `__LOCALES__/` in every resource, as Forge adds them when it deploys the app.
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ResourceDef } from '../forge/manifest';
import { LOCALES_FOLDER, type AppTranslations } from '../forge/translations';
import { escapeHtml } from './html';

export const SHIM_PATH = '/forge/bridge-shim.js';
const SHIM_TAG = `<script src="${SHIM_PATH}"></script>`;

/** Forge forbids inline scripts; Atlaskit emits inline styles, which apps allow with `unsafe-inline` styles. */
export const RESOURCE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Puts the shim first in <head> (creating a <head> when the document has none). */
export function injectShim(document: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(document);
  if (head) return document.slice(0, head.index + head[0].length) + SHIM_TAG + document.slice(head.index + head[0].length);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(document);
  if (htmlTag) {
    const at = htmlTag.index + htmlTag[0].length;
    return `${document.slice(0, at)}<head>${SHIM_TAG}</head>${document.slice(at)}`;
  }
  return `<head>${SHIM_TAG}</head>${document}`;
}

/**
 * The file a request path names inside a resource folder, or `null` when the path leaves the folder
 * (`..`, encoded slashes or backslashes, NUL).
 */
export function resolveInside(root: string, subPath: string): string | null {
  const segments: string[] = [];
  for (const raw of subPath.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || /[\\/\0]/.test(seg)) return null;
    segments.push(seg);
  }
  const file = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  const rel = relative(root, file);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': RESOURCE_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  res.end(body);
}

function messagePage(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font:14px/1.45 -apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif;color:#172B4D;margin:0;padding:16px">
<div data-testid="resource-message" style="border-left:4px solid #FF991F;background:#FFF7D6;padding:12px 16px;border-radius:3px">
<strong>${escapeHtml(title)}</strong><p style="margin:4px 0 0">${escapeHtml(text)}</p></div></body></html>`;
}

/** `/<resource>/__LOCALES__/i18n-info.json` and `/<resource>/__LOCALES__/<locale>.json`; the path is `__LOCALES__/<name>`. */
function isLocalesPath(subPath: string): boolean {
  return subPath.startsWith(`/${LOCALES_FOLDER}/`);
}

function serveLocaleFile(res: ServerResponse, translations: AppTranslations | undefined, key: string, subPath: string): void {
  const name = subPath.slice(LOCALES_FOLDER.length + 2);
  const content = translations?.files.get(name);
  if (content === undefined) {
    const why = translations ? `manifest.yml translations declare no file '${name}'` : 'manifest.yml declares no translations';
    send(res, 404, 'text/plain; charset=utf-8', `Not found in resource '${key}': ${why}.`);
    return;
  }
  send(res, 200, 'application/json; charset=utf-8', content);
}

export async function serveResource(
  res: ServerResponse,
  appRoot: string,
  resources: ResourceDef[],
  key: string,
  subPath: string,
  translations?: AppTranslations,
): Promise<void> {
  const def = resources.find((r) => r.key === key);
  if (!def) {
    send(res, 404, 'text/html; charset=utf-8', messagePage('Unknown resource', `manifest.yml declares no resource '${key}'.`));
    return;
  }
  if (isLocalesPath(subPath)) {
    serveLocaleFile(res, translations, key, subPath);
    return;
  }
  const root = resolve(appRoot, def.path);
  const fromApp = relative(resolve(appRoot), root);
  if (fromApp === '..' || fromApp.startsWith(`..${sep}`) || isAbsolute(fromApp)) {
    send(res, 500, 'text/html; charset=utf-8', messagePage('Resource outside the app', `Resource '${key}' points outside the app folder (${def.path}).`));
    return;
  }
  const file = resolveInside(root, subPath);
  if (!file) {
    send(res, 400, 'text/plain; charset=utf-8', 'Bad resource path.');
    return;
  }
  const isIndex = relative(root, file) === 'index.html';
  const found = await stat(file).catch(() => null);
  if (!found || !found.isFile()) {
    if (isIndex) {
      send(res, 404, 'text/html; charset=utf-8', messagePage(`Resource '${key}' is not built`, `${def.path}/index.html is missing. Run npm run build, then reload this page.`));
    } else {
      send(res, 404, 'text/plain; charset=utf-8', `Not found in resource '${key}'.`);
    }
    return;
  }
  const body = await readFile(file);
  if (extname(file).toLowerCase() === '.html') {
    send(res, 200, 'text/html; charset=utf-8', injectShim(body.toString('utf8')));
    return;
  }
  send(res, 200, contentType(file), body);
}
