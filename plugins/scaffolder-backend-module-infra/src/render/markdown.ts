/**
 * Text for Markdown: one line, and every character that Markdown or HTML could
 * read as markup escaped with a backslash, so user text renders as itself.
 * Callers never start a line with it, so block markers (`#`, `-`, `1.`) are inert.
 */
export function mdText(value: string | number | boolean | string[]): string {
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>|~!#$&]/g, char => `\\${char}`);
}

/** A Markdown table; every cell escaped. */
export function mdTable(
  header: string[],
  rows: Array<Array<string | number | boolean | string[]>>,
): string {
  const line = (cells: Array<string | number | boolean | string[]>) =>
    `| ${cells.map(mdText).join(' | ')} |`;
  return [
    line(header),
    `|${header.map(() => ' --- |').join('')}`,
    ...rows.map(line),
  ].join('\n');
}

/** Mermaid node text: ids and region names only; anything else is dropped. */
export function mermaidText(value: string): string {
  return value.replace(/[^A-Za-z0-9 ._/-]/g, ' ');
}
