// summary, description and text clauses: `~` and `!~` with the emulator's text search, and IS [NOT] EMPTY.
import { functionNotAllowed } from './functions';
import type { Compiled, Problems, TerminalInput } from './model';
import { compileTextQuery } from './text-match';
import type { JqlIssue } from './types';

export function compileText(input: TerminalInput, problems: Problems): Compiled | undefined {
  const { field, operator } = input;
  const read = field.kind === 'summary' ? (i: JqlIssue) => i.summary : (i: JqlIssue) => i.description ?? '';
  if (operator === 'is') return { test: (issue) => read(issue) === '' };
  if (operator === 'is not') return { test: (issue) => read(issue) !== '' };
  const item = input.items[0];
  if (item === undefined || item.kind === 'empty') return undefined;
  if (item.kind === 'function') return void problems.add(functionNotAllowed(item.name, field.name));
  const query = compileTextQuery(item.value, field.name);
  if (!query.ok) return void problems.add(query.message);
  const matches = query.matches;
  if (field.kind === 'text') {
    // `text` searches the summary and the description (Jira adds environment, comments and text custom fields).
    const any = (i: JqlIssue): boolean => matches(i.summary) || (!!i.description && matches(i.description));
    return { test: operator === '~' ? any : (issue) => !any(issue) };
  }
  if (operator === '~') return { test: (issue) => matches(read(issue)) };
  return {
    test: (issue) => {
      const text = read(issue);
      return text !== '' && !matches(text);
    },
  };
}
