import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { intlLocale } from '../shared/locale';
import { TextsProvider } from '../shared/texts';
import { ViewerContext } from './billing-context';
import { BillingPage } from './BillingPage';
import { ClosureModal } from './ClosureModal';
import { isClosureContext } from './closure';
import type { BillingHistory } from './useBillingLocation';

/** Forge's history of this page (its URL), where the month and customer live; without one they still work, unshared. */
async function pageHistory(): Promise<BillingHistory | null> {
  try {
    return (await view.createHistory()) as unknown as BillingHistory;
  } catch (error) {
    console.error('Service Manager: the page URL cannot be used for the month and customer', error);
    return null;
  }
}

async function start(): Promise<void> {
  await view.theme.enable();
  const context = await view.getContext();
  const viewer = { locale: intlLocale(context.locale), timeZone: context.timezone ?? 'UTC' };
  // The same resource also renders the close / reopen dialog the page opens (Forge passes its context here).
  const modal = (context.extension as { modal?: unknown } | undefined)?.modal;
  const history = isClosureContext(modal) ? null : await pageHistory();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <TextsProvider locale={context.locale}>
      <ViewerContext.Provider value={viewer}>{isClosureContext(modal) ? <ClosureModal request={modal} /> : <BillingPage history={history} />}</ViewerContext.Provider>
    </TextsProvider>,
  );
}

void start();
