import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { intlLocale } from '../shared/locale';
import { TextsProvider } from '../shared/texts';
import { ViewerContext } from './board-context';
import { BoardPage } from './BoardPage';
import type { BoardHistory } from './useBoardLocation';

/** Forge's history of this page (its URL), where the filters live; without one the filters still work, unshared. */
async function pageHistory(): Promise<BoardHistory | null> {
  try {
    return (await view.createHistory()) as unknown as BoardHistory;
  } catch (error) {
    console.error('Service Manager: the page URL cannot be used for the filters', error);
    return null;
  }
}

async function start(): Promise<void> {
  await view.theme.enable();
  const [context, history] = await Promise.all([view.getContext(), pageHistory()]);
  const viewer = { locale: intlLocale(context.locale), timeZone: context.timezone ?? 'UTC' };
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <TextsProvider locale={context.locale}>
      <ViewerContext.Provider value={viewer}>
        <BoardPage history={history} />
      </ViewerContext.Provider>
    </TextsProvider>,
  );
}

void start();
