// The issue's SLA in the panel: whose issue it is (customer, tier, service manager), the contract in force, each
// clock with its live countdown, the hours of the month and the customer's contacts; or, for an issue without
// clocks, why not and where a Jira admin fixes it.
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Anchor, Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { router } from '@forge/bridge';
import type { IssueSlaView, PanelContract, PanelCustomer } from '@contract/sla';
import { useT } from '../shared/texts';
import { anyTicking, liveClock, secondsSinceEvaluation } from './clock-view';
import { ClockCard } from './ClockCard';
import { contractPeriod, contractTerms, emptyState, hoursLines, serviceManagerName, TIER_APPEARANCE, type Viewer } from './sla-view';
import { useNow } from './useNow';

/** The app's settings page (manifest.yml `jira:adminPage`), where customers, contracts and policies are kept. */
export const ADMIN_PAGE_MODULE = 'service-admin-page';

const wrap = xcss({ minWidth: '0', overflowWrap: 'anywhere' });
const plainList = xcss({ margin: 'space.0', paddingInlineStart: 'space.0', listStyle: 'none' });

export function openSettings(): void {
  router.navigate({ target: 'module', moduleKey: ADMIN_PAGE_MODULE }).catch((error: unknown) => {
    console.error('Service Manager: the settings page could not be opened', error);
  });
}

export function SlaSection({ sla, receivedAt, viewer }: { sla: IssueSlaView; receivedAt: number; viewer: Viewer }) {
  const t = useT();
  const now = useNow(anyTicking(sla.clocks));
  const since = secondsSinceEvaluation(sla.evaluatedAt, receivedAt, now);
  const empty = emptyState(sla, t);
  return (
    <Stack space="space.150" testId="sla">
      {sla.customer ? <CustomerBlock customer={sla.customer} /> : null}
      {sla.contract ? <ContractBlock contract={sla.contract} viewer={viewer} /> : null}
      {empty ? (
        <SectionMessage
          appearance={empty.appearance}
          title={empty.title}
          testId={`sla-empty-${empty.status}`}
          actions={[
            <SectionMessageAction key="settings" onClick={openSettings} testId="sla-open-settings">
              {empty.action}
            </SectionMessageAction>,
          ]}
        >
          <Text>{empty.text}</Text>
        </SectionMessage>
      ) : null}
      {sla.status === 'tracked' ? (
        sla.clocks.length > 0 ? (
          <Stack space="space.100" testId="sla-clocks">
            {sla.clocks.map((clock) => (
              <ClockCard key={clock.key} live={liveClock(clock, since)} viewer={viewer} now={now} />
            ))}
          </Stack>
        ) : (
          <Text color="color.text.subtle" testId="sla-no-clocks">
            {t('panel.sla.noClocks')}
          </Text>
        )
      ) : null}
      {sla.hours ? <HoursBlock hours={sla.hours} viewer={viewer} /> : null}
      {sla.customer ? <Contacts customer={sla.customer} /> : null}
    </Stack>
  );
}

export function TierLozenge({ tier }: { tier: PanelCustomer['tier'] }) {
  const t = useT();
  return (
    <Lozenge appearance={TIER_APPEARANCE[tier]} testId="sla-tier">
      {t(`panel.tiers.${tier}`)}
    </Lozenge>
  );
}

function CustomerBlock({ customer }: { customer: PanelCustomer }) {
  const t = useT();
  return (
    <Stack space="space.050" testId="sla-customer">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Box xcss={wrap}>
          <Heading size="xsmall" as="h2">
            {customer.name}
          </Heading>
        </Box>
        <TierLozenge tier={customer.tier} />
      </Inline>
      <Inline space="space.075" shouldWrap testId="sla-service-manager">
        <Text size="small" color="color.text.subtle">
          {t('panel.customer.serviceManager')}
        </Text>
        <Text size="small">{serviceManagerName(customer, t)}</Text>
      </Inline>
    </Stack>
  );
}

function ContractBlock({ contract, viewer }: { contract: PanelContract; viewer: Viewer }) {
  const t = useT();
  const terms = contractTerms(contract, t);
  return (
    <Box xcss={wrap} testId="sla-contract">
      <Stack space="space.025">
        <Text weight="semibold">{contract.name}</Text>
        <Text size="small" color="color.text.subtle">
          {contractPeriod(contract, t, viewer.locale)}
        </Text>
        {terms ? (
          <Text size="small" color="color.text.subtle">
            {terms}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

function HoursBlock({ hours, viewer }: { hours: NonNullable<IssueSlaView['hours']>; viewer: Viewer }) {
  const t = useT();
  const lines = hoursLines(hours, t, viewer.locale);
  return (
    <Stack space="space.050" testId="sla-hours">
      <Heading size="xxsmall" as="h3">
        {t('panel.hours.title')}
      </Heading>
      <Text>{lines.logged}</Text>
      {lines.included ? (
        <Text size="small" color="color.text.subtle">
          {lines.included}
        </Text>
      ) : null}
    </Stack>
  );
}

function Contacts({ customer }: { customer: PanelCustomer }) {
  const t = useT();
  return (
    <Stack space="space.050" testId="sla-contacts">
      <Heading size="xxsmall" as="h3">
        {t('panel.contacts.title')}
      </Heading>
      {customer.contacts.length === 0 ? (
        <Text color="color.text.subtle">{t('panel.contacts.none')}</Text>
      ) : (
        <Box as="ul" xcss={plainList}>
          {customer.contacts.map((contact) => (
            <Box as="li" key={`${contact.email}-${contact.name}`} paddingBlock="space.050" xcss={wrap}>
              <Stack space="space.0">
                <Inline space="space.075" shouldWrap alignBlock="baseline">
                  <Text weight="semibold">{contact.name}</Text>
                  {contact.role ? (
                    <Text size="small" color="color.text.subtle">
                      {contact.role}
                    </Text>
                  ) : null}
                </Inline>
                {/* A mail link leaves the app's sandboxed frame only through a new window. */}
                <Anchor href={`mailto:${contact.email}`} target="_blank" rel="noopener noreferrer">
                  {contact.email}
                </Anchor>
              </Stack>
            </Box>
          ))}
        </Box>
      )}
    </Stack>
  );
}
