import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { TextsProvider } from '../shared/texts';
import { IssuePanel } from './IssuePanel';

async function start(): Promise<void> {
  await view.theme.enable();
  const context = await view.getContext();
  const extension = context.extension as { issue?: { key?: string } };
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <TextsProvider locale={context.locale}>
      <IssuePanel issueKey={extension.issue?.key ?? ''} locale={context.locale ?? 'en-US'} timeZone={context.timezone ?? 'UTC'} />
    </TextsProvider>,
  );
}

void start();
