// The admin page: loads the configuration and Jira's names once, then shows the tabs. A FORBIDDEN answer from
// any call (rights revoked while the page is open) replaces everything with the "admins only" message.
import Button from '@atlaskit/button/new';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AdminConfig, JiraCatalog } from '@contract/admin';
import type { ResolverError } from '@contract/result';
import { callResolver } from '../shared/api';
import { useT } from '../shared/texts';
import { BackupTab } from './backup/BackupTab';
import { CalendarsTab } from './calendars/CalendarsTab';
import { ContractsTab } from './contracts/ContractsTab';
import { CustomersTab } from './customers/CustomersTab';
import { AdminContext, type Admin, type Call } from './hooks/admin-context';
import { PoliciesTab } from './policies/PoliciesTab';
import { SettingsTab } from './settings/SettingsTab';
import type { Viewer } from './state/format';

type State =
  | { kind: 'loading' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; error: ResolverError }
  | { kind: 'ready'; config: AdminConfig; catalog: JiraCatalog; catalogError: ResolverError | null };

const fullWidth = xcss({ width: '100%' });

const EMPTY_CATALOG: JiraCatalog = { projects: [], priorities: [], statuses: [], issueTypes: [], groups: [], users: [] };

const TABS = [
  { id: 'customers', label: 'admin.tabs.customers', Panel: CustomersTab },
  { id: 'contracts', label: 'admin.tabs.contracts', Panel: ContractsTab },
  { id: 'calendars', label: 'admin.tabs.calendars', Panel: CalendarsTab },
  { id: 'policies', label: 'admin.tabs.policies', Panel: PoliciesTab },
  { id: 'settings', label: 'admin.tabs.settings', Panel: SettingsTab },
  { id: 'backup', label: 'admin.tabs.backup', Panel: BackupTab },
] as const;

export function AdminPage({ viewer }: { viewer: Viewer }) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [tab, setTab] = useState(0);

  const call = useCallback<Call>(async (name, request) => {
    const result = await callResolver(name, request);
    if (!result.ok && result.error.code === 'FORBIDDEN') setState({ kind: 'forbidden' });
    return result;
  }, []);

  const load = useCallback(
    async (quiet: boolean): Promise<boolean> => {
      if (!quiet) setState({ kind: 'loading' });
      const [config, catalog] = await Promise.all([call('getAdminConfig', {}), call('getJiraCatalog', {})]);
      if (!config.ok) {
        if (config.error.code !== 'FORBIDDEN') setState({ kind: 'failed', error: config.error });
        return false;
      }
      if (!catalog.ok && catalog.error.code === 'FORBIDDEN') return false;
      setState({
        kind: 'ready',
        config: config.data,
        catalog: catalog.ok ? catalog.data : EMPTY_CATALOG,
        catalogError: catalog.ok ? null : catalog.error,
      });
      return true;
    },
    [call],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  const admin = useMemo<Admin | null>(() => {
    if (state.kind !== 'ready') return null;
    return {
      viewer,
      config: state.config,
      catalog: state.catalog,
      call,
      update: (change) => setState((s) => (s.kind === 'ready' ? { ...s, config: change(s.config) } : s)),
      forbid: () => setState({ kind: 'forbidden' }),
      reload: () => load(true),
    };
  }, [state, viewer, call, load]);

  if (state.kind === 'loading') {
    return (
      <Box padding="space.400" testId="admin-loading">
        <Spinner label={t('common.loading')} />
      </Box>
    );
  }
  if (state.kind === 'forbidden') {
    return (
      <Box padding="space.300">
        <SectionMessage appearance="warning" title={t('admin.forbidden.title')} testId="admin-forbidden">
          <Text>{t('admin.forbidden.text')}</Text>
        </SectionMessage>
      </Box>
    );
  }
  if (state.kind === 'failed' || !admin) {
    return (
      <Box padding="space.300">
        <SectionMessage appearance="error" title={t('admin.loadError.title')} testId="admin-load-error">
          <Stack space="space.100">
            <Text>{state.kind === 'failed' ? state.error.message : ''}</Text>
            <Box>
              <Button onClick={() => void load(false)} testId="admin-load-retry">
                {t('common.retry')}
              </Button>
            </Box>
          </Stack>
        </SectionMessage>
      </Box>
    );
  }

  return (
    <AdminContext.Provider value={admin}>
      <Box padding="space.300" testId="admin-page">
        <Stack space="space.200">
          {state.catalogError ? (
            <SectionMessage appearance="warning" title={t('admin.catalogError.title')} testId="admin-catalog-error">
              <Text>{t('admin.catalogError.text', { message: state.catalogError.message })}</Text>
            </SectionMessage>
          ) : null}
          <Tabs id="admin-tabs" selected={tab} onChange={setTab} shouldUnmountTabPanelOnChange testId="admin-tabs">
            <TabList>
              {TABS.map((x) => (
                <Tab key={x.id} testId={`tab-${x.id}`}>
                  {t(x.label)}
                </Tab>
              ))}
            </TabList>
            {TABS.map(({ id, Panel }) => (
              <TabPanel key={id} testId={`panel-${id}`}>
                <Box paddingBlockStart="space.200" xcss={fullWidth}>
                  <Panel />
                </Box>
              </TabPanel>
            ))}
          </Tabs>
        </Stack>
      </Box>
    </AdminContext.Provider>
  );
}
