import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { ClosureModal } from '../billing/ClosureModal';
import { ViewerContext as BillingViewer } from '../billing/billing-context';
import { isClosureContext } from '../billing/closure';
import { intlLocale } from '../shared/locale';
import { TextsProvider } from '../shared/texts';
import { PageSwitch } from './PageSwitch';

/** Forge's history of this page (its URL): which page, and its filters; without one both still work, unshared. */
async function pageHistory(): Promise<Parameters<typeof PageSwitch>[0]['history']> {
  try {
    return (await view.createHistory()) as unknown as Parameters<typeof PageSwitch>[0]['history'];
  } catch (error) {
    console.error('Service Manager: the page URL cannot be used for the filters', error);
    return null;
  }
}

async function start(): Promise<void> {
  await view.theme.enable();
  const context = await view.getContext();
  const viewer = { locale: intlLocale(context.locale), timeZone: context.timezone ?? 'UTC' };
  // The same resource renders the close / reopen dialog the billing page opens (Forge passes its context here).
  const modal = (context.extension as { modal?: unknown } | undefined)?.modal;
  const root = createRoot(document.getElementById('root') as HTMLElement);
  if (isClosureContext(modal)) {
    root.render(
      <TextsProvider locale={context.locale}>
        <BillingViewer.Provider value={viewer}>
          <ClosureModal request={modal} />
        </BillingViewer.Provider>
      </TextsProvider>,
    );
    return;
  }
  const history = await pageHistory();
  root.render(
    <TextsProvider locale={context.locale}>
      <PageSwitch history={history} viewer={viewer} />
    </TextsProvider>,
  );
}

void start();
