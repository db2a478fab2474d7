import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { IssuePanel } from './IssuePanel';

async function start(): Promise<void> {
  await view.theme.enable();
  const context = await view.getContext();
  const extension = context.extension as { issue?: { key?: string } };
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <IssuePanel issueKey={extension.issue?.key ?? ''} locale={context.locale ?? 'en-US'} timeZone={context.timezone ?? 'UTC'} />,
  );
}

void start();
