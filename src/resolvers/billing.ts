// Resolvers for billable hours: Jira administrators and the billing groups (access `billing`, checked before
// the payload is read); reopening a closed month is for administrators only.
import type Resolver from '@forge/resolver';
import {
  billingCloseSchema,
  billingCustomerRequestSchema,
  billingExportChunkSchema,
  billingExportStatusSchema,
  billingOverviewRequestSchema,
  billingReopenSchema,
  billingStartExportSchema,
} from '../contract/billing';
import { forgeLocale } from '../contract/locale';
import { createJiraGateway } from '../jira/gateway';
import { queueBillingJob } from '../jobs/billing-queue';
import { exportChunk, exportStatus, startExport } from '../services/billing/export';
import { billingDeps } from '../services/billing/runtime';
import { closeMonth, loadCustomerMonth, loadOverview, reopenMonth, type Actor } from '../services/billing/views';
import { createBillingStore } from '../store/billing-store';
import { callerMay } from './authorise';
import { type Caller, defineResolver } from './define';

async function actor(caller: Caller): Promise<Actor> {
  const me = await createJiraGateway('user').getMyself();
  return { accountId: caller.accountId, displayName: me.displayName };
}

const localeOf = (caller: Caller): string => forgeLocale(typeof caller.context.locale === 'string' ? caller.context.locale : 'en-US');

export function defineBillingResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'billingOverview', billingOverviewRequestSchema, (request) => loadOverview(billingDeps(), request.month));
  defineResolver(resolver, 'billingCustomerMonth', billingCustomerRequestSchema, async (request, caller) =>
    loadCustomerMonth(billingDeps(), request.month, request.customerKey, await callerMay('admin', caller.accountId)),
  );
  defineResolver(resolver, 'billingStartExport', billingStartExportSchema, (request, caller) =>
    startExport({ billing: createBillingStore(), queue: queueBillingJob }, request, localeOf(caller)),
  );
  defineResolver(resolver, 'billingExportStatus', billingExportStatusSchema, (request) => exportStatus(createBillingStore(), request.exportId));
  defineResolver(resolver, 'billingExportChunk', billingExportChunkSchema, (request) => exportChunk(createBillingStore(), request.exportId, request.index));
  defineResolver(resolver, 'billingCloseMonth', billingCloseSchema, async (request, caller) =>
    closeMonth(billingDeps(), request.month, request.customerKey, await actor(caller)),
  );
  defineResolver(resolver, 'billingReopenMonth', billingReopenSchema, async (request, caller) =>
    reopenMonth(billingDeps(), request.month, request.customerKey, request.reason, await actor(caller)),
  );
}
