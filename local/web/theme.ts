// The Atlassian design-token CSS that `view.theme.enable()` switches on in a Custom UI iframe (Forge's host
// applies the tokens; here the shim links this stylesheet). Built from @atlaskit/tokens' theme artifacts.

export const THEME_CSS_PATH = '/forge/theme.css';

const ARTIFACTS = ['atlassian-light', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

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
