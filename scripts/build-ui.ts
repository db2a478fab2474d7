// `npm run build`: builds each Custom UI resource on its own, so every static/dist/<key>/ is self-contained
// (Forge uploads one folder per resource).
import { resolve } from 'node:path';
import { build } from 'vite';
import { RESOURCES } from '../static/resources';

async function main(): Promise<void> {
  for (const key of RESOURCES) {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: resolve(__dirname, '../static', key),
      base: './',
      resolve: { alias: { '@contract': resolve(__dirname, '../src/contract') } },
      build: {
        outDir: resolve(__dirname, '../static/dist', key),
        emptyOutDir: true,
        chunkSizeWarningLimit: 2048,
        // Forge's Custom UI iframes run in current browsers; the polyfill is not needed.
        modulePreload: { polyfill: false },
      },
    });
    console.log(`built static/dist/${key}`);
  }
}

main().catch((error: unknown) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
