// `npm run demo:reset`: throws away the local data (Jira and the app's storage) and seeds the demo company again.
import { openLocalDb } from '../db';
import { loadManifest } from '../forge/manifest';
import { createLocalForge } from '../forge/runtime';
import { createJiraEmulator } from '../jira';
import { seedDemoConfig } from './seed-config';
import { clearLocalData, seedDemo } from './seed-local';
import { parseDemoArgs } from './cli-args';

async function main(): Promise<void> {
  const options = parseDemoArgs(process.argv.slice(2));
  const db = openLocalDb();
  const indexedProperties = loadManifest(process.cwd()).entityProperties.map((p) => ({ propertyKey: p.propertyKey, values: p.values }));
  const jira = createJiraEmulator({ db, indexedProperties, baseUrl: `http://localhost:${process.env.PORT ?? 4010}` });
  const started = Date.now();
  clearLocalData(db, jira);
  const meta = seedDemo(db, jira, options);
  // The app's configuration of the company, through the app's own resolvers on the local runtime.
  const forge = createLocalForge({ appRoot: process.cwd(), db, jira, log: (line) => console.log(line) });
  await seedDemoConfig(db, forge, meta);
  await forge.close();
  db.close();
  console.log(`demo company seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (history up to ${meta.anchor}); run npm start`);
}

main().catch((error: unknown) => {
  console.error(`demo:reset failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
