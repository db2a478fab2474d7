import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';

async function start(): Promise<void> {
  await view.theme.enable();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(<p>Service Manager settings</p>);
}

void start();
