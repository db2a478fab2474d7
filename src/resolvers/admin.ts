// Resolvers for the admin page: Jira administrators only (RESOLVER_ACCESS), checked before the payload.
import type Resolver from '@forge/resolver';
import {
  deleteCustomerRequestSchema,
  deleteRecordRequestSchema,
  emptyRequestSchema,
  importConfigRequestSchema,
  policyVersionsRequestSchema,
  saveCalendarRequestSchema,
  saveContractRequestSchema,
  saveCustomerRequestSchema,
  saveMatchingRequestSchema,
  savePolicyRequestSchema,
  saveSettingsRequestSchema,
  simulatePolicyRequestSchema,
} from '../contract/admin';
import { createJiraGateway } from '../jira/gateway';
import { exportConfig, importConfig } from '../services/config/backup';
import { deleteCalendar, saveCalendar } from '../services/config/calendars';
import { loadJiraCatalog } from '../services/config/catalog';
import { deleteContract, saveContract } from '../services/config/contracts';
import { deleteCustomer, saveCustomer } from '../services/config/customers';
import type { ConfigDeps } from '../services/config/deps';
import { loadAdminConfig } from '../services/config/load';
import { deleteSlaPolicy, listSlaPolicyVersions, saveSlaPolicy } from '../services/config/policies';
import { saveMatchingRules, saveSettings } from '../services/config/settings';
import { simulateSlaPolicy } from '../services/config/simulate';
import { IssueEvaluator } from '../services/sla/evaluate-issue';
import { TrackingConfig } from '../services/sla/tracking';
import { queueSlaJob } from '../jobs/sla-queue';
import { createBackfillStore } from '../store/backfill-store';
import { createConfigStore } from '../store/config-store';
import { createJiraCache } from '../store/jira-cache';
import { defineResolver } from './define';

/** A change is recorded with the caller's name, as Jira knows it. */
async function changeDeps(): Promise<ConfigDeps> {
  const me = await createJiraGateway('user').getMyself();
  return { store: createConfigStore(), actor: { accountId: me.accountId, displayName: me.displayName }, now: Date.now() };
}

/** After a change that moves clocks (calendars, policies, contracts, matching, agents), every affected issue is recomputed. */
async function thenBackfill<T>(reason: string, change: Promise<T>): Promise<T> {
  const result = await change;
  await queueSlaJob({ kind: 'startBackfill', reason });
  return result;
}

export function defineAdminResolvers(resolver: Resolver): void {
  const store = () => createConfigStore();
  defineResolver(resolver, 'getAdminConfig', emptyRequestSchema, () => loadAdminConfig(store(), createBackfillStore()));
  defineResolver(resolver, 'getJiraCatalog', emptyRequestSchema, () => loadJiraCatalog(createJiraGateway('user')));

  defineResolver(resolver, 'saveCustomer', saveCustomerRequestSchema, async (p) => saveCustomer(await changeDeps(), p.customer, p.expectedRevision));
  defineResolver(resolver, 'deleteCustomer', deleteCustomerRequestSchema, async (p) => {
    await deleteCustomer(await changeDeps(), p.key, p.expectedRevision);
    return { deleted: true };
  });
  defineResolver(resolver, 'saveContract', saveContractRequestSchema, async (p) => thenBackfill('contract saved', saveContract(await changeDeps(), p.contract, p.expectedRevision)));
  defineResolver(resolver, 'deleteContract', deleteRecordRequestSchema, async (p) => {
    await thenBackfill('contract deleted', deleteContract(await changeDeps(), p.id, p.expectedRevision));
    return { deleted: true };
  });
  defineResolver(resolver, 'saveCalendar', saveCalendarRequestSchema, async (p) => thenBackfill('calendar saved', saveCalendar(await changeDeps(), p.calendar, p.expectedRevision)));
  defineResolver(resolver, 'deleteCalendar', deleteRecordRequestSchema, async (p) => {
    await deleteCalendar(await changeDeps(), p.id, p.expectedRevision);
    return { deleted: true };
  });
  defineResolver(resolver, 'saveSlaPolicy', savePolicyRequestSchema, async (p) => thenBackfill('SLA policy saved', saveSlaPolicy(await changeDeps(), p.policy, p.expectedRevision)));
  defineResolver(resolver, 'deleteSlaPolicy', deleteRecordRequestSchema, async (p) => {
    await deleteSlaPolicy(await changeDeps(), p.id, p.expectedRevision);
    return { deleted: true };
  });
  defineResolver(resolver, 'getSlaPolicyVersions', policyVersionsRequestSchema, (p) => listSlaPolicyVersions({ store: store() }, p.id));
  defineResolver(resolver, 'simulateSlaPolicy', simulatePolicyRequestSchema, (p) => {
    const config = store();
    const tracking = new TrackingConfig(config);
    // The issue is read as the admin; site facts (statuses, agents' groups) as the app, as SLA tracking does.
    const evaluator = new IssueEvaluator(tracking, createJiraGateway('app'), createJiraCache());
    return simulateSlaPolicy({ store: config, jira: createJiraGateway('user'), tracking, evaluator, now: Date.now() }, p);
  });
  defineResolver(resolver, 'saveSettings', saveSettingsRequestSchema, async (p) => thenBackfill('settings saved', saveSettings(await changeDeps(), p.settings, p.expectedRevision)));
  defineResolver(resolver, 'saveMatchingRules', saveMatchingRequestSchema, async (p) => thenBackfill('matching rules saved', saveMatchingRules(await changeDeps(), p.matching, p.expectedRevision)));
  defineResolver(resolver, 'exportConfig', emptyRequestSchema, () => exportConfig({ store: store(), now: Date.now() }));
  defineResolver(resolver, 'importConfig', importConfigRequestSchema, async (p) => thenBackfill('configuration imported', importConfig(await changeDeps(), p.backup)));
}
