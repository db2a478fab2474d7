// summary, description and text clauses: `~` and `!~` with the emulator's text search, and IS [NOT] EMPTY.
import type { Compiled, Problems, TerminalInput } from './model';
import { textOperand } from './text-match';
import type { JqlIssue } from './types';

export function compileText(input: TerminalInput, problems: Problems): Compiled | undefined {
  const { field, operator } = input;
  const read = field.kind === 'summary' ? (i: JqlIssue) => i.summary : (i: JqlIssue) => i.description ?? '';
  if (operator === 'is') return { test: (issue) => read(issue) === '' };
  if (operator === 'is not') return { test: (issue) => read(issue) !== '' };
  const matches = textOperand(input, field.name, problems);
  if (!matches) return undefined;
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
