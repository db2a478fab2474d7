// `npm start`: builds what is missing, starts the local host on one port, prints the address and the demo users,
// and stops cleanly on Ctrl-C (running work finishes, the database is closed: nothing acknowledged is lost).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCES } from '../static/resources';
import { parseDemoArgs } from './demo/cli-args';
import { startLocalHost } from './host';

const appRoot = join(__dirname, '..');

function buildUiIfMissing(): void {
  const missing = RESOURCES.filter((key) => !existsSync(join(appRoot, 'static/dist', key, 'index.html')));
  if (missing.length === 0) return;
  console.log(`building the Custom UI (${missing.join(', ')}) ...`);
  const result = spawnSync(join(appRoot, 'node_modules/.bin/tsx'), [join(appRoot, 'scripts/build-ui.ts')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the UI build failed (see above)');
}

async function main(): Promise<void> {
  const demo = parseDemoArgs(process.argv.slice(2));
  buildUiIfMissing();
  const port = Number(process.env.PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${process.env.PORT}'`);
  const started = Date.now();
  const host = await startLocalHost({ appRoot, port, demo });

  console.log(`\nService Manager for Jira is running on a local Forge runtime (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`\n  ${host.url}   (projects, issue search, and each issue at /browse/<KEY>)\n`);
  console.log('Demo users (switch in the top bar; for the REST API use Basic auth with the email and any password):');
  const rows = host.demo.people.map((p) => [p.name, p.role + (p.customerKey ? ` (${p.customerKey})` : ''), p.email]);
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  for (const [name = '', role = '', email = ''] of rows) console.log(`  ${name.padEnd(widths[0] ?? 0)}  ${role.padEnd(widths[1] ?? 0)}  ${email}`);
  console.log(`\nData: ${process.env.FORGE_LOCAL_DB ?? '.data/local.db'} (npm run demo:reset to start over). Ctrl-C stops.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping ...`);
    host.close().then(
      () => {
        console.log('stopped; all data saved.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`stopped with an error: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`npm start failed: port ${process.env.PORT ?? 4010} is already in use; stop the other server or choose one: PORT=4020 npm start`);
    process.exit(1);
  }
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
