// The Atlassian design-token CSS that `view.theme.enable()` switches on in a Custom UI iframe (Forge's host
// applies the tokens; here the shim links this stylesheet). Built from @atlaskit/tokens' theme artifacts.

export const THEME_CSS_PATH = '/forge/theme.css';

/** The signed-in person's Jira theme (Jira's "Appearance" preference): light or dark. */
export type ColorMode = 'light' | 'dark';
export const THEME_COOKIE = 'jira_local_theme';

export function colorModeOf(value: string | undefined): ColorMode {
  return value === 'dark' ? 'dark' : 'light';
}

const ARTIFACTS = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

let cached: string | undefined;

export function themeCss(): string {
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  for (const name of ARTIFACTS) {
    try {
      const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default?: unknown };
      if (typeof mod.default === 'string') parts.push(mod.default);
    } catch {
      // Without a theme file the components fall back to the colours compiled into them.
      parts.push(`/* @atlaskit/tokens theme '${name}' not found */`);
    }
  }
  cached = parts.join('\n');
  return cached;
}
