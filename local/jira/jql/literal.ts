// JQL string literals: the parser keeps the literal text; this turns it into the value Jira searches for.
// (@atlaskit/jql-ast only strips quotes and drops backslashes, so `\n` or `\u0023` would come out wrong.)

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\', '"': '"', "'": "'", ' ': ' ' };

/** The semantic value of a JQL string as written (quoted with " or ', or unquoted), escapes resolved. */
export function literalValue(text: string): string {
  let body = text;
  const first = text.charAt(0);
  if ((first === '"' || first === "'") && text.length >= 2 && text.charAt(text.length - 1) === first) {
    body = text.slice(1, -1);
  }
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch !== '\\' || i === body.length - 1) {
      out += ch;
      continue;
    }
    const next = body.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      // The lexer rejects other escapes inside quotes; unquoted, keep the character as Jira does.
      out += next;
      i++;
    }
  }
  return out;
}

/** True when the literal was written in quotes (so `"10000"` may be a name, `10000` an id first). */
export function isQuoted(text: string): boolean {
  const first = text.charAt(0);
  return first === '"' || first === "'";
}
