// Small line icons for empty states and messages (inline SVG: markup, not script, so the page CSP allows it).
import { raw, type SafeHtml } from '../html';

export type IconName = 'search' | 'lock' | 'warning' | 'apps' | 'folder';

const PATHS: Record<IconName, string> = {
  search: '<circle cx="21" cy="21" r="11"/><path d="M29 29l9 9"/>',
  lock: '<rect x="12" y="21" width="24" height="17" rx="3"/><path d="M17 21v-5a7 7 0 0 1 14 0v5"/><path d="M24 28v4"/>',
  warning: '<path d="M24 9l16 28H8z"/><path d="M24 20v8"/><path d="M24 32.5v.5"/>',
  apps: '<rect x="10" y="10" width="11" height="11" rx="2"/><rect x="27" y="10" width="11" height="11" rx="2"/><rect x="10" y="27" width="11" height="11" rx="2"/><rect x="27" y="27" width="11" height="11" rx="2"/>',
  folder: '<path d="M8 15a3 3 0 0 1 3-3h8l4 4h14a3 3 0 0 1 3 3v16a3 3 0 0 1-3 3H11a3 3 0 0 1-3-3z"/>',
};

export function icon(name: IconName, className = 'empty-icon'): SafeHtml {
  return raw(
    `<span class="${className}" aria-hidden="true"><svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">${PATHS[name]}</svg></span>`,
  );
}
