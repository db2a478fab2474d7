// `npm run demo:reset`: throws away the local data (Jira and the app's storage) and seeds the demo company again.
import { openLocalDb } from '../db';
import { loadManifest } from '../forge/manifest';
import { createJiraEmulator } from '../jira';
import { clearLocalData, seedDemo } from './seed-local';
import { parseDemoArgs } from './cli-args';

function main(): void {
  const options = parseDemoArgs(process.argv.slice(2));
  const db = openLocalDb();
  const indexedProperties = loadManifest(process.cwd()).entityProperties.map((p) => ({ propertyKey: p.propertyKey, values: p.values }));
  const jira = createJiraEmulator({ db, indexedProperties, baseUrl: `http://localhost:${process.env.PORT ?? 4010}` });
  const started = Date.now();
  clearLocalData(db, jira);
  const meta = seedDemo(db, jira, options);
  db.close();
  console.log(`demo company seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (history up to ${meta.anchor}); run npm start`);
}

try {
  main();
} catch (error) {
  console.error(`demo:reset failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
