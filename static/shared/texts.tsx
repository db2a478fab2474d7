// React access to the UI texts: `<TextsProvider locale={context.locale}>` loads them once per page (a spinner
// until then), and every component below reads them with `const t = useT(); t('panel.status')`.
import { Box } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadTexts, translateWith, type Translate } from './i18n';

const TextsContext = createContext<Translate | null>(null);

/** When Forge cannot serve the translations the page still works, showing keys (`panel.status`) instead of texts. */
const keysOnly: Translate = translateWith((key) => key);

export function TextsProvider({ locale, children }: { locale: string | null | undefined; children: ReactNode }) {
  const [t, setT] = useState<Translate | null>(null);

  useEffect(() => {
    let current = true;
    setT(null);
    loadTexts(locale)
      .catch((error: unknown) => {
        console.error('Service Manager: the translations could not be loaded', error);
        return keysOnly;
      })
      .then((loaded) => {
        if (current) setT(() => loaded);
      });
    return () => {
      current = false;
    };
  }, [locale]);

  if (!t) {
    return (
      <Box padding="space.200" testId="texts-loading">
        <Spinner />
      </Box>
    );
  }
  return <TextsContext.Provider value={t}>{children}</TextsContext.Provider>;
}

/** The texts of the enclosing `TextsProvider`. */
export function useT(): Translate {
  const t = useContext(TextsContext);
  if (!t) throw new Error('useT() is used outside a <TextsProvider>.');
  return t;
}
