// `~` on text fields. Jira runs a Lucene full-text search (stemming, stop words, fuzzy and boolean syntax); the
// emulator keeps the common subset: every word must occur as a whole word, case-insensitively, `*` and `?` are
// wildcards inside or at the end of a word, an inner quoted "exact phrase" must occur as consecutive words, and
// English stop words are ignored. Boolean syntax (AND/OR/NOT, +word, -word), fuzzy (~) and boost (^) are a 400.
import { functionNotAllowed } from './functions';
import type { Problems, TerminalInput } from './model';

export type TextQuery = { ok: true; matches: (text: string) => boolean } | { ok: false; message: string };

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of',
  'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

const WORD = '[\\p{L}\\p{N}]';

export function compileTextQuery(query: string, fieldName: string): TextQuery {
  const trimmed = query.trim();
  if (trimmed === '') return { ok: false, message: `The field '${fieldName}' does not support searching for an empty string.` };
  if (/(^|\s)(AND|OR|NOT|&&|\|\|)(\s|$)|(^|\s)[-+!]\S|[~^]/.test(trimmed)) {
    return {
      ok: false,
      message: `The text query '${query}' for field '${fieldName}' uses Lucene operators (AND, OR, NOT, +, -, !, ~, ^), which this Jira emulator does not support.`,
    };
  }
  const patterns: RegExp[] = [];
  const rest = trimmed.replace(/"([^"]*)"/g, (_match, phrase: string) => {
    const words = tokens(phrase);
    if (words.length > 0) patterns.push(new RegExp(`(?<!${WORD})${words.map(wordPattern).join(`[^\\p{L}\\p{N}]+`)}(?!${WORD})`, 'iu'));
    return ' ';
  });
  for (const word of tokens(rest)) {
    if (word.startsWith('*') || word.startsWith('?')) {
      return { ok: false, message: `The text query '${query}' for field '${fieldName}' is not allowed to start with a wildcard ('*' or '?').` };
    }
    if (STOP_WORDS.has(word.toLowerCase())) continue;
    patterns.push(new RegExp(`(?<!${WORD})${wordPattern(word)}(?!${WORD})`, 'iu'));
  }
  if (patterns.length === 0) {
    return { ok: false, message: `The text query '${query}' for field '${fieldName}' has no searchable words (punctuation and stop words are ignored).` };
  }
  return {
    ok: true,
    matches: (text) => {
      for (let k = 0; k < patterns.length; k++) if (!(patterns[k] as RegExp).test(text)) return false;
      return true;
    },
  };
}

function tokens(text: string): string[] {
  return text.split(/[^\p{L}\p{N}*?]+/u).filter((t) => t !== '' && /[\p{L}\p{N}]/u.test(t));
}

function wordPattern(word: string): string {
  return word.replace(/\*/g, `${WORD}*`).replace(/\?/g, WORD);
}

/** The `~` operand of a clause as a matcher; undefined (with the problem reported) when it is not a text query. */
export function textOperand(input: TerminalInput, fieldName: string, problems: Problems): ((text: string) => boolean) | undefined {
  const item = input.items[0];
  if (item === undefined || item.kind === 'empty') return undefined;
  if (item.kind === 'function') return void problems.add(functionNotAllowed(item.name, fieldName));
  const query = compileTextQuery(item.value, fieldName);
  if (!query.ok) return void problems.add(query.message);
  return query.matches;
}
