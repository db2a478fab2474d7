// The resolvers' fixed English messages are the English texts of the locale files, so a message is translated
// exactly when it is one of them.
import en from '../../../locales/en-US.json';
import de from '../../../locales/de-DE.json';
import { MESSAGES } from '../../../src/resolvers/messages';

const lookup = (texts: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);

describe('resolver messages', () => {
  it.each(Object.entries(MESSAGES))('%s is the English text and has a German one', (key, text) => {
    expect(lookup(en, key)).toBe(text);
    expect(lookup(de, key)).toEqual(expect.any(String));
    expect(lookup(de, key)).not.toBe(text);
  });
});
