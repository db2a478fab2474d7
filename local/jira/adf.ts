// Atlassian Document Format: REST v3 carries comment, worklog-comment and description bodies as ADF documents.

export interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
  attrs?: Record<string, unknown>;
  marks?: unknown[];
}

export interface AdfDoc extends AdfNode {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** Plain text -> a document with one paragraph per line block (blank lines separate paragraphs). */
export function textToAdf(text: string): AdfDoc {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.length > 0);
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p.split('\n').flatMap((line, i): AdfNode[] => {
        const text: AdfNode[] = line.length > 0 ? [{ type: 'text', text: line }] : [];
        return i === 0 ? text : [{ type: 'hardBreak' }, ...text];
      }),
    })),
  };
}

/** The text of a document, blocks separated by newlines (for changelog strings). */
export function adfToText(node: AdfNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(adfToText);
  const isBlockContainer = node.type === 'doc' || node.type === 'bulletList' || node.type === 'orderedList';
  return inner.join(isBlockContainer ? '\n' : '');
}

function isNode(value: unknown): value is AdfNode {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.type !== 'string') return false;
  if (v.text !== undefined && typeof v.text !== 'string') return false;
  if (v.content !== undefined && !(Array.isArray(v.content) && v.content.every(isNode))) return false;
  return true;
}

/** A structurally valid ADF document (`{type:'doc', version:1, content:[...]}` with well-formed nodes). */
export function isAdfDoc(value: unknown): value is AdfDoc {
  if (!isNode(value)) return false;
  const v = value as unknown as Record<string, unknown>;
  return v.type === 'doc' && v.version === 1 && Array.isArray(v.content);
}
