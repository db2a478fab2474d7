import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { TextsProvider } from '../shared/texts';
import { AdminPage } from './AdminPage';
import { ConfirmModal } from './ConfirmModal';
import { isConfirmContext } from './hooks/confirm';

async function start(): Promise<void> {
  await view.theme.enable();
  const context = await view.getContext();
  const viewer = { locale: (context.locale ?? 'en-US').replace('_', '-'), timeZone: context.timezone ?? 'UTC' };
  // The same resource also renders the confirmation modal the page opens (Forge passes its context here).
  const modal = (context.extension as { modal?: unknown } | undefined)?.modal;
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <TextsProvider locale={context.locale}>
      {isConfirmContext(modal) ? <ConfirmModal request={modal} viewer={viewer} /> : <AdminPage viewer={viewer} />}
    </TextsProvider>,
  );
}

void start();
