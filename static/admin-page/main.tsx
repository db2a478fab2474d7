import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { TextsProvider } from '../shared/texts';
import { AdminPage } from './AdminPage';

async function start(): Promise<void> {
  await view.theme.enable();
  const context = await view.getContext();
  const viewer = { locale: (context.locale ?? 'en-US').replace('_', '-'), timeZone: context.timezone ?? 'UTC' };
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <TextsProvider locale={context.locale}>
      <AdminPage viewer={viewer} />
    </TextsProvider>,
  );
}

void start();
