// The composition root of the local host: one database, the Jira emulator, the Forge runtime, the web pages.
// `npm start`, the browser tests and the benchmarks all start the app through here.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openLocalDb, type LocalDb } from './db';
import type { DemoArgs } from './demo/cli-args';
import { seedDemoConfig } from './demo/seed-config';
import { loadSeededCompany, seedCompany, seedDemo, type SeededCompany } from './demo/seed-local';
import { loadManifest } from './forge/manifest';
import { createLocalForge, type EventDeliveryOptions, type LocalForge } from './forge/runtime';
import { createJiraEmulator, type JiraEmulator, type JiraEmulatorOptions, type JiraSeed } from './jira';
import { createHostServer } from './web';

export interface LocalHostOptions {
  port?: number;
  /** Interface to listen on; loopback by default (the host is a development tool). */
  hostname?: string;
  dbFile?: string;
  appRoot?: string;
  /** Seeds the demo company when the database has no Jira data yet. */
  demo?: DemoArgs;
  /** Seeds this company instead of the demo company (tests with a site of their own). */
  company?: SeededCompany & { jira: JiraSeed };
  /** Queue delays and retry back-off: 1 = real time, 0 = at once (see LocalForgeOptions). */
  delayScale?: number;
  /** Runs the scheduled triggers on their intervals (times this factor). */
  schedules?: number | false;
  log?: (line: string) => void;
  /** Jira's harsher behaviours and the app account's groups (see local/jira/README.md). */
  jiraOptions?: Pick<JiraEmulatorOptions, 'searchLagMs' | 'worklogChangelog' | 'appGroups' | 'worklogFeedPageSize'>;
  /** Product events delivered twice and out of order, as Forge may (see LocalForgeOptions.eventDelivery). Off by default. */
  eventDelivery?: EventDeliveryOptions;
}

export interface LocalHost {
  url: string;
  db: LocalDb;
  jira: JiraEmulator;
  forge: LocalForge;
  demo: SeededCompany;
  server: Server;
  /** Stops serving, lets running work finish, and closes the database: nothing acknowledged is lost. */
  close(): Promise<void>;
}

export async function startLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const appRoot = options.appRoot ?? process.cwd();
  const log = options.log ?? ((line: string) => console.log(line));
  const db = openLocalDb(options.dbFile);
  const port = options.port ?? 4010;
  const hostname = options.hostname ?? '127.0.0.1';
  // With port 0 (tests) the port is known only once listening; Jira's `self` links then name no port.
  let url = port === 0 ? 'http://localhost' : `http://localhost:${port}`;
  const indexedProperties = loadManifest(appRoot).entityProperties.map((p) => ({ propertyKey: p.propertyKey, values: p.values }));

  const jira = createJiraEmulator({
    db,
    indexedProperties,
    baseUrl: url,
    searchLagMs: options.jiraOptions?.searchLagMs,
    worklogChangelog: options.jiraOptions?.worklogChangelog,
    appGroups: options.jiraOptions?.appGroups,
    worklogFeedPageSize: options.jiraOptions?.worklogFeedPageSize,
  });
  const { company } = options;
  const demo = !jira.isEmpty()
    ? loadSeededCompany(db)
    : company
      ? seedCompany(db, jira, company.jira, { anchor: company.anchor, people: company.people, customers: company.customers })
      : seedDemo(db, jira, options.demo ?? {});
  const forge = createLocalForge({ appRoot, db, jira, log, delayScale: options.delayScale, eventDelivery: options.eventDelivery });
  // The app's own configuration of the company (customers, contracts ...), once, through the app's resolvers.
  if (forge.manifest.uiModules.some((m) => m.key === 'service-admin-page') && demo.customers.length > 0) {
    await seedDemoConfig(db, forge, demo);
  }
  if (options.schedules !== false) forge.startSchedules(options.schedules ?? 1);

  const server = createHostServer({ forge, jira, appRoot, people: demo.people, log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  url = `http://localhost:${(server.address() as AddressInfo).port}`;

  return {
    url,
    db,
    jira,
    forge,
    demo,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await forge.close();
      db.close();
    },
  };
}
