import { assertIdentifier, isIdentifier, quoteString } from './escape';
import {
  HclBody,
  HclCall,
  HclExpression,
  HclFileItem,
  HclNestedBlock,
  HclValue,
} from './types';

const INDENT = '  ';

function renderNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new TypeError(`HCL numbers must be finite, got ${value}`);
  }
  return String(value);
}

function renderKey(key: string): string {
  return isIdentifier(key) ? key : quoteString(key);
}

/** A line of a body before alignment: an attribute (key and rendered value) or any other text. */
type BodyLine = { key: string; value: string } | { text: string };

/**
 * Joins body lines the way `terraform fmt` writes them: the `=` of consecutive one-line
 * attributes line up. A block, a multi-line value or a comment ends the run, as in hclwrite,
 * so generated files pass `terraform fmt -check` in the repository's own CI.
 */
function joinAligned(lines: readonly BodyLine[], indent: string): string {
  const out: string[] = [];
  let run: Array<{ key: string; value: string }> = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(line => [...line.key].length));
    for (const line of run) {
      const pad = ' '.repeat(width - [...line.key].length);
      out.push(`${indent}${line.key}${pad} = ${line.value}`);
    }
    run = [];
  };
  for (const line of lines) {
    if ('key' in line && !line.value.includes('\n')) {
      run.push(line);
      continue;
    }
    flush();
    out.push(
      'key' in line ? `${indent}${line.key} = ${line.value}` : line.text,
    );
  }
  flush();
  return out.join('\n');
}

function isNestedBlockList(value: unknown): value is readonly HclNestedBlock[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(item => item instanceof HclNestedBlock)
  );
}

/**
 * A function call written on a line indented by `indent`. hclwrite indents a line by one level
 * for each line before it that leaves brackets open, however many it opens, so one multi-line
 * argument stays on the call's line and its body is one level in:
 *
 *     policy = jsonencode({
 *       Version = "2012-10-17"
 *     })
 *
 * With two or more multi-line arguments each goes on its own line, one level in, with a
 * trailing comma, which fmt leaves as it is (`}, {` on one line would be indented by fmt).
 */
export function renderCall(
  fn: string,
  args: readonly HclValue[],
  indent: string,
): string {
  const items = args.map(arg => renderValue(arg, indent));
  if (items.filter(item => item.includes('\n')).length <= 1) {
    return `${fn}(${items.join(', ')})`;
  }
  const inner = indent + INDENT;
  const lines = args.map(arg => `${inner}${renderValue(arg, inner)},`);
  return `${fn}(\n${lines.join('\n')}\n${indent})`;
}

/** One value as HCL, with nested collections indented from `indent`. */
export function renderValue(value: HclValue, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'number') return renderNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof HclCall) {
    return renderCall(value.fn, value.args, indent);
  }
  if (value instanceof HclExpression) return value.source;
  if (value instanceof HclNestedBlock) {
    throw new TypeError('a nested block can only be an attribute of a body');
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    const items = (value as readonly HclValue[]).map(item =>
      renderValue(item, inner),
    );
    if (items.length === 0) return '[]';
    const oneLine = `[${items.join(', ')}]`;
    if (oneLine.length <= 80 && !oneLine.includes('\n')) return oneLine;
    return `[\n${items.map(item => `${inner}${item},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(
    value as Record<string, HclValue | undefined>,
  ).filter(([, item]) => item !== undefined) as Array<[string, HclValue]>;
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => ({
    key: renderKey(key),
    value: renderValue(item, inner),
  }));
  return `{\n${joinAligned(lines, inner)}\n${indent}}`;
}

function renderBlock(
  type: string,
  labels: readonly string[],
  body: HclBody,
  indent: string,
): string {
  const header = [type, ...labels.map(quoteString)].join(' ');
  const inner = indent + INDENT;
  const lines: BodyLine[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    assertIdentifier(name, 'attribute or block name');
    if (value instanceof HclNestedBlock) {
      lines.push({ text: renderBlock(name, value.labels, value.body, inner) });
    } else if (isNestedBlockList(value)) {
      for (const item of value) {
        lines.push({ text: renderBlock(name, item.labels, item.body, inner) });
      }
    } else {
      lines.push({ key: name, value: renderValue(value as HclValue, inner) });
    }
  }
  if (lines.length === 0) return `${indent}${header} {}`;
  return `${indent}${header} {\n${joinAligned(lines, inner)}\n${indent}}`;
}

function renderComment(text: string): string {
  // Each line of the text becomes its own comment line, so it can never end the comment early.
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map(line => (line ? `# ${line}` : '#'))
    .join('\n');
}

/** A whole `.tf` file: blocks separated by blank lines, comments kept next to what follows. */
export function renderHclFile(items: readonly HclFileItem[]): string {
  const parts: string[] = [];
  let pendingComments: string[] = [];
  for (const item of items) {
    if (item.kind === 'comment') {
      pendingComments.push(renderComment(item.text));
      continue;
    }
    const rendered = renderBlock(item.type, item.labels, item.body, '');
    parts.push([...pendingComments, rendered].join('\n'));
    pendingComments = [];
  }
  if (pendingComments.length > 0) parts.push(pendingComments.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** A file of top-level attribute assignments (a `.tfvars` file), aligned like `terraform fmt`. */
export function renderHclAttributes(
  attributes: ReadonlyArray<readonly [string, HclValue]>,
): string {
  const lines = attributes.map(([name, value]) => {
    assertIdentifier(name, 'attribute name');
    return { key: name, value: renderValue(value, '') };
  });
  return `${joinAligned(lines, '')}\n`;
}
