// Plain text of an entry's Markdown notes, for the search index: words only, no markup.
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false });

interface MarkdownToken {
  type: string;
  content: string;
  children: MarkdownToken[] | null;
}

/** Returns the text of `source` (paragraphs, headings, table cells, code, image alt text) one block a line. */
export function markdownText(source: string): string {
  const lines: string[] = [];

  const collect = (tokens: MarkdownToken[], out: string[]) => {
    for (const token of tokens) {
      if (token.children) collect(token.children, out);
      else if (token.type === 'text' || token.type === 'code_inline') out.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') out.push(' ');
    }
  };

  for (const token of markdown.parse(source, {}) as MarkdownToken[]) {
    if (token.type === 'inline') {
      const parts: string[] = [];
      collect(token.children ?? [], parts);
      lines.push(parts.join(''));
    } else if (token.type === 'fence' || token.type === 'code_block') {
      lines.push(token.content.trim());
    }
  }

  return lines.filter((line) => line.trim() !== '').join('\n');
}
