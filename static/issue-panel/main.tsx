import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { intlLocale } from '../shared/locale';
import { TextsProvider } from '../shared/texts';
import { IssueContext } from './IssueContext';
import { IssuePanel } from './IssuePanel';

/** The same resource serves the issue panel and, compact, the issue's context area (manifest `jira:issueContext`). */
const ISSUE_CONTEXT_TYPE = 'jira:issueContext';

async function start(): Promise<void> {
  await view.theme.enable();
  const context = await view.getContext();
  const extension = context.extension as { type?: string; issue?: { key?: string } };
  const issueKey = extension.issue?.key ?? '';
  const viewer = { locale: intlLocale(context.locale), timeZone: context.timezone ?? 'UTC' };
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <TextsProvider locale={context.locale}>
      {extension.type === ISSUE_CONTEXT_TYPE ? <IssueContext issueKey={issueKey} viewer={viewer} /> : <IssuePanel issueKey={issueKey} viewer={viewer} />}
    </TextsProvider>,
  );
}

void start();
