// Display helpers for the host pages: ADF to HTML, Jira dates in the viewer's zone and locale, durations.
import { html, raw, type SafeHtml } from './html';

type Node = { type?: unknown; text?: unknown; content?: unknown; attrs?: unknown; marks?: unknown };

const asNode = (value: unknown): Node | undefined => (value && typeof value === 'object' ? (value as Node) : undefined);
const children = (node: Node): Node[] => (Array.isArray(node.content) ? node.content.map(asNode).filter((n): n is Node => n !== undefined) : []);
const attr = (node: Node, name: string): unknown => (node.attrs && typeof node.attrs === 'object' ? (node.attrs as Record<string, unknown>)[name] : undefined);

function renderText(node: Node): SafeHtml {
  let out: SafeHtml = html`${typeof node.text === 'string' ? node.text : ''}`;
  const marks = Array.isArray(node.marks) ? node.marks.map(asNode).filter((m): m is Node => m !== undefined) : [];
  for (const mark of marks) {
    switch (mark.type) {
      case 'strong':
        out = html`<strong>${out}</strong>`;
        break;
      case 'em':
        out = html`<em>${out}</em>`;
        break;
      case 'code':
        out = html`<code>${out}</code>`;
        break;
      case 'strike':
        out = html`<s>${out}</s>`;
        break;
      case 'underline':
        out = html`<u>${out}</u>`;
        break;
      case 'link': {
        const href = attr(mark, 'href');
        // Only web links: a `javascript:` href in a description must not become clickable.
        if (typeof href === 'string' && /^(https?:|mailto:|\/)/i.test(href)) out = html`<a href="${href}" rel="noopener noreferrer">${out}</a>`;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function renderNode(node: Node): SafeHtml {
  const inner = (): SafeHtml[] => children(node).map(renderNode);
  switch (node.type) {
    case 'doc':
      return html`${inner()}`;
    case 'paragraph':
      return html`<p>${inner()}</p>`;
    case 'text':
      return renderText(node);
    case 'hardBreak':
      return raw('<br>');
    case 'heading': {
      const level = Math.min(Math.max(Number(attr(node, 'level')) || 3, 3), 6);
      return raw(`<h${level}>${html`${inner()}`.value}</h${level}>`);
    }
    case 'bulletList':
      return html`<ul>${inner()}</ul>`;
    case 'orderedList':
      return html`<ol>${inner()}</ol>`;
    case 'listItem':
      return html`<li>${inner()}</li>`;
    case 'codeBlock':
      return html`<pre><code>${inner()}</code></pre>`;
    case 'blockquote':
      return html`<blockquote>${inner()}</blockquote>`;
    case 'rule':
      return raw('<hr>');
    case 'mention':
      return html`<span class="mention">${String(attr(node, 'text') ?? '@someone')}</span>`;
    case 'emoji':
      return html`${String(attr(node, 'text') ?? attr(node, 'shortName') ?? '')}`;
    case 'inlineCard': {
      const url = attr(node, 'url');
      return typeof url === 'string' && /^https?:/i.test(url) ? html`<a href="${url}" rel="noopener noreferrer">${url}</a>` : html``;
    }
    default:
      return html`${inner()}`;
  }
}

/** An ADF document (or a plain string, as some answers carry) as HTML; `null` when there is nothing to show. */
export function adfToHtml(value: unknown): SafeHtml | null {
  if (typeof value === 'string') return value.trim() === '' ? null : html`<p>${value}</p>`;
  const node = asNode(value);
  if (!node) return null;
  const out = renderNode(node);
  return out.value.replace(/<[^>]+>/g, '').trim() === '' ? null : out;
}

/** Parses Jira's `2024-05-01T09:30:00.000+0200` (offset without colon) as well as ISO strings. */
export function parseJiraDate(value: string): Date | null {
  const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface Viewer {
  locale: string;
  timeZone: string;
}

export function formatDateTime(value: string | null | undefined, viewer: Viewer): string {
  if (!value) return '';
  const d = parseJiraDate(value);
  if (!d) return value;
  try {
    return new Intl.DateTimeFormat(viewer.locale.replace('_', '-'), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: viewer.timeZone,
    }).format(d);
  } catch {
    return d.toISOString();
  }
}

/** Jira's duration notation: `1d 2h 30m` with an 8-hour day, as the worklog `timeSpent` field uses. */
export function formatSeconds(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const parts: string[] = [];
  const w = Math.floor(minutes / (5 * 8 * 60));
  const d = Math.floor((minutes % (5 * 8 * 60)) / (8 * 60));
  const h = Math.floor((minutes % (8 * 60)) / 60);
  const m = minutes % 60;
  if (w) parts.push(`${w}w`);
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (m || parts.length === 0) parts.push(`${m}m`);
  return parts.join(' ');
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter((p) => p !== '');
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** A stable avatar colour per account (Atlassian's avatar palette). */
export function avatarColour(id: string): string {
  const palette = ['#0052CC', '#00875A', '#FF5630', '#6554C0', '#FF991F', '#00B8D9', '#36B37E', '#403294'];
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[h % palette.length] ?? '#0052CC';
}
