// The page shell every host page shares: top bar with navigation and the user switcher, flags area, scripts.
import { avatarColour, initials } from '../format';
import { html, type SafeHtml } from '../html';
import { icon, type IconName } from './icons';
import { ROLE_LABELS, type HostPerson } from '../session';

export type NavItem = 'projects' | 'issues' | 'apps' | 'settings' | null;

export interface PageOptions {
  title: string;
  active: NavItem;
  person: HostPerson;
  people: HostPerson[];
  /** Where the user switcher returns to (the current path and query). */
  returnTo: string;
  body: SafeHtml;
  /** Extra scripts under /assets/, loaded after the shared one. */
  scripts?: string[];
  /** Extra class on <main> (e.g. full-width app pages). */
  mainClass?: string;
  /** The person's Jira theme; the app's frames follow it. */
  colorMode?: 'light' | 'dark';
}

/** Jira's appearance setting: switches the app's frames between the light and the dark theme. */
function themeSwitcher(mode: 'light' | 'dark', returnTo: string): SafeHtml {
  const next = mode === 'dark' ? 'light' : 'dark';
  return html`<form class="theme-switcher" method="post" action="/session/theme" data-testid="theme-switcher">
    <input type="hidden" name="mode" value="${next}">
    <input type="hidden" name="returnTo" value="${returnTo}">
    <button type="submit" class="button" data-testid="switch-theme" title="Switch the app to the ${next} theme">${mode === 'dark' ? 'Light theme' : 'Dark theme'}</button>
  </form>`;
}

const NAV: { key: Exclude<NavItem, null>; label: string; href: string }[] = [
  { key: 'projects', label: 'Projects', href: '/projects' },
  { key: 'issues', label: 'Issues', href: '/issues' },
  { key: 'apps', label: 'Apps', href: '/apps' },
  { key: 'settings', label: 'Settings', href: '/settings/apps' },
];

const ROLE_ORDER: HostPerson['role'][] = ['service-manager', 'engineer', 'customer', 'admin'];

export function avatar(name: string, id: string, size: 'small' | 'medium' = 'small'): SafeHtml {
  return html`<span class="avatar avatar-${size}" style="background:${avatarColour(id)}" aria-hidden="true">${initials(name)}</span>`;
}

function userSwitcher(person: HostPerson, people: HostPerson[], returnTo: string): SafeHtml {
  const groups = ROLE_ORDER.map((role) => {
    const members = people.filter((p) => p.role === role);
    if (members.length === 0) return html``;
    return html`<optgroup label="${ROLE_LABELS[role]}">${members.map(
      (p) => html`<option value="${p.accountId}">${p.accountId === person.accountId ? '✓ ' : ''}${p.name}${p.customerKey ? ` (${p.customerKey})` : ''}</option>`,
    )}</optgroup>`;
  });
  return html`<form class="user-switcher" method="post" action="/session/user" data-testid="user-switcher">
    ${avatar(person.name, person.accountId)}
    <span class="user-who"><span class="user-name" data-testid="current-user">${person.name}</span><span class="user-role" data-testid="current-role">${ROLE_LABELS[person.role]}</span></span>
    <label class="visually-hidden" for="switch-user">Switch user</label>
    <select id="switch-user" name="accountId" class="switch-select" title="See the site as someone else" data-testid="switch-user">
      <option value="" disabled selected>Switch user…</option>${groups}</select>
    <input type="hidden" name="returnTo" value="${returnTo}">
    <noscript><button type="submit" class="button">Switch</button></noscript>
  </form>`;
}

export function renderPage(options: PageOptions): SafeHtml {
  const scripts = ['app.js', ...(options.scripts ?? [])];
  return html`<!doctype html>
<html lang="en" data-color-mode="${options.colorMode ?? 'light'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - Jira (local)</title>
<link rel="stylesheet" href="/assets/host.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${scripts.map((s) => html`<script src="/assets/${s}" defer></script>`)}
</head>
<body>
<header class="topbar">
  <a class="brand" href="/"><span class="brand-mark" aria-hidden="true"></span><span>Jira (local)</span></a>
  <nav class="topnav" aria-label="Main">
    ${NAV.map((n) => html`<a href="${n.href}"${n.key === options.active ? html` class="active" aria-current="page"` : html``}>${n.label}</a>`)}
  </nav>
  <div class="topbar-end">${themeSwitcher(options.colorMode ?? 'light', options.returnTo)}${userSwitcher(options.person, options.people, options.returnTo)}</div>
</header>
<main class="${options.mainClass ?? 'main'}">
${options.body}
</main>
<div id="flags" class="flags" aria-live="polite"></div>
</body>
</html>`;
}

/** A page with one message: not found, no permission, not built; with links onward. */
export function messageBody(
  title: string,
  text: SafeHtml | string,
  testId: string,
  options: { icon?: IconName; tone?: 'info' | 'warning' | 'error'; links?: { href: string; label: string }[] } = {},
): SafeHtml {
  const links = options.links ?? [{ href: '/projects', label: 'Go to projects' }];
  return html`<section class="empty-state empty-${options.tone ?? 'info'}" data-testid="${testId}">
    ${icon(options.icon ?? 'search')}
    <h1>${title}</h1>
    <p>${text}</p>
    ${links.length > 0 ? html`<div class="empty-actions">${links.map((l, i) => html`<a class="button${i === 0 ? ' button-primary' : ''}" href="${l.href}">${l.label}</a>`)}</div>` : html``}
  </section>`;
}
