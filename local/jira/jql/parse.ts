// Parsing with Atlassian's own JQL grammar (@atlaskit/jql-ast), with syntax errors worded the way Jira words them.
import { JastBuilder, type Query } from '@atlaskit/jql-ast';
import { describeSyntaxError, type SyntaxProblem } from './syntax-errors';

export type ParseOutcome = { ok: true; query: Query | undefined } | { ok: false; message: string };

type ErrorListener = Parameters<JastBuilder['setErrorListeners']>[0][number];

/** Parses JQL; the first syntax error (Jira reports one) becomes an `Error in the JQL Query: ...` message. */
export function parseJql(jql: string): ParseOutcome {
  let first: SyntaxProblem | undefined;
  const listener: ErrorListener = {
    syntaxError: (recognizer, offendingSymbol, line, charPositionInLine, msg) => {
      if (first !== undefined) return;
      first = {
        tokenType: offendingSymbol ? recognizer.vocabulary.getSymbolicName(offendingSymbol.type) : undefined,
        tokenText: offendingSymbol?.text ?? '',
        tokenStart: offendingSymbol?.startIndex ?? -1,
        line,
        column: charPositionInLine,
        antlrMessage: msg,
      };
    },
  };
  // A fresh builder per call: JastBuilder memoises the token stream of the last string it saw.
  const jast = new JastBuilder().setErrorListeners([listener]).build(jql);
  if (first !== undefined) return { ok: false, message: describeSyntaxError(first, jql) };
  const other = jast.errors[0];
  if (other !== undefined) return { ok: false, message: `Error in the JQL Query: ${other.message}` };
  return { ok: true, query: jast.query ?? undefined };
}
