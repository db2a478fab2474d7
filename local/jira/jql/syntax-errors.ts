// Turns ANTLR's "mismatched input 'x' expecting {...}" into the sentences Jira shows for the same mistakes.

export interface SyntaxProblem {
  /** Symbolic token name from the JQL lexer, e.g. STRING, RESERVED_WORD, EOF. */
  tokenType: string | undefined;
  tokenText: string;
  tokenStart: number;
  line: number;
  /** Zero-based; Jira counts characters from 1. */
  column: number;
  antlrMessage: string;
}

const JIRA_OPERATORS =
  "'=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS', 'IS NOT', 'WAS', 'WAS IN', 'WAS NOT', 'WAS NOT IN' and 'CHANGED'";
const VALID_ESCAPES = "\\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX";

export function describeSyntaxError(p: SyntaxProblem, jql: string): string {
  return `Error in the JQL Query: ${sentence(p, jql)} (line ${p.line}, character ${p.column + 1})`;
}

function sentence(p: SyntaxProblem, jql: string): string {
  const atEnd = p.tokenType === 'EOF';
  const got = p.tokenText;
  switch (p.tokenType) {
    case 'RESERVED_WORD':
      return `'${got}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`;
    case 'ERROR_RESERVED':
      return `The character '${got}' is a reserved JQL character. You must enclose it in a string or use the escape '${unicodeEscape(got)}' instead.`;
    case 'ERRORCHAR':
      if (got === '\\') return `'\\' is an illegal JQL escape sequence. The valid escape sequences are ${VALID_ESCAPES}.`;
      return `The character '${unicodeEscape(got)}' is not valid in a query. You must enclose it in a string or use the escape '${unicodeEscape(got)}' instead.`;
    case 'UNCLOSED_QUOTE_STRING':
    case 'UNCLOSED_SQUOTE_STRING':
      return `The quoted string '${got.slice(1)}' has not been completed.`;
    case 'INVALID_QUOTE_STRING':
    case 'INVALID_SQUOTE_STRING': {
      const escape = `\\${jql.charAt(p.tokenStart + got.length)}`;
      return `'${escape}' is an illegal JQL escape sequence. The valid escape sequences are ${VALID_ESCAPES}.`;
    }
    default:
      break;
  }
  const expected = expectedTokens(p.antlrMessage);
  const has = (name: string): boolean => expected.includes(name);
  if (has("'='") || has('IN') || has('IS')) {
    return atEnd
      ? `Expecting operator before the end of the query. The valid operators are ${JIRA_OPERATORS}.`
      : `Expecting operator but got '${got}'. The valid operators are ${JIRA_OPERATORS}.`;
  }
  if (has('CUSTOMFIELD')) {
    return atEnd
      ? 'Expecting a field name at the end of the query.'
      : `Expecting a field name but got '${got}'. You must surround '${got}' in quotation marks to use it as a field name.`;
  }
  if (has('STRING') && has("')'")) {
    return atEnd
      ? "Expecting either a function argument or ')' before the end of the query."
      : `Expecting either a function argument or ')' but got '${got}'.`;
  }
  if (has('STRING')) {
    return atEnd
      ? 'Expecting either a value, list or function before the end of the query.'
      : `Expecting either a value, list or function but got '${got}'. You must surround '${got}' in quotation marks to use it as a value.`;
  }
  if (has('ORDER')) {
    return `Expecting either 'OR' or 'AND' but got '${got}'.`;
  }
  if (has("','") && has("')'")) {
    return atEnd ? "Expecting either ',' or ')' before the end of the query." : `Expecting either ',' or ')' but got '${got}'.`;
  }
  if (expected.length === 1 && expected[0] === '<EOF>') {
    return `Expecting either ',' or the end of the query but got '${got}'.`;
  }
  const wanted = expected.map((e) => (e.startsWith("'") ? e : `'${e}'`)).join(' or ');
  if (wanted === '') return p.antlrMessage;
  return atEnd ? `Expecting ${wanted} before the end of the query.` : `Expecting ${wanted} but got '${got}'.`;
}

/** Token names from "... expecting {A, B}", "... expecting A" or "missing A at 'x'". */
function expectedTokens(message: string): string[] {
  const missing = /^missing (.+?) at /.exec(message);
  if (missing?.[1] !== undefined) return [missing[1]];
  const expecting = /expecting (\{.*\}|.+)$/.exec(message);
  const list = expecting?.[1];
  if (list === undefined) return [];
  const inner = list.startsWith('{') ? list.slice(1, -1) : list;
  return inner.split(', ').map((s) => s.trim());
}

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
