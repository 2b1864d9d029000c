/*
 * A structural reader of Terraform's native syntax: blocks with their labels and
 * attributes with their expression text, each with its line. It does not evaluate HCL;
 * it gives the evidence rules what they read (literals, `var.x` references, nested and
 * dynamic blocks) with `file:line`, in one pass over the text. HashiCorp's parser
 * (hcl2json) is ~10x too slow for evidence on every refresh and gives no line numbers
 * (ADR 1501); the generator's tests check that this reader and hcl2json agree on every
 * generated file.
 */

/** @public */
export interface HclAttribute {
  name: string;
  /** The expression as written, trimmed: `true`, `var.kms_key_arn`, `"gp3"`, `[1]`. */
  expression: string;
  line: number;
}

/** @public */
export interface HclBlock {
  type: string;
  labels: string[];
  line: number;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

/** @public */
export interface HclDocument {
  file: string;
  body: HclBlock;
  /** Structural problems (unbalanced braces...); the rules then read what parsed. */
  errors: string[];
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*/;

/**
 * Reads one `.tf` or `.tfvars` file. Never throws: a malformed file gives what could be
 * read and its errors.
 *
 * @public
 */
export function readHcl(file: string, text: string): HclDocument {
  const root: HclBlock = {
    type: '',
    labels: [],
    line: 1,
    attributes: new Map(),
    blocks: [],
  };
  const errors: string[] = [];
  const stack: HclBlock[] = [root];
  const n = text.length;
  let i = 0;
  let line = 1;

  const skipSpaceAndComments = (stopAtNewline: boolean) => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (stopAtNewline) return;
        line++;
        i++;
      } else if (c === 32 || c === 9 || c === 13) i++;
      else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
        while (i < n && text.charCodeAt(i) !== 10) i++;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const end = text.indexOf('*/', i + 2);
        const stop = end < 0 ? n : end + 2;
        for (let k = i; k < stop; k++) if (text.charCodeAt(k) === 10) line++;
        i = stop;
      } else return;
    }
  };

  /** Skips a quoted string from its opening quote, interpolations included. */
  const skipString = () => {
    i++; // opening quote
    let depth = 0;
    while (i < n) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      if (depth === 0 && c === '"') {
        i++;
        return;
      }
      if ((c === '$' || c === '%') && text[i + 1] === '{') {
        depth++;
        i += 2;
        continue;
      }
      if (depth > 0 && c === '}') depth--;
      else if (depth > 0 && c === '"') {
        // A string inside an interpolation: skip it whole.
        skipString();
        continue;
      }
      i++;
    }
  };

  /** The expression from i to the end of the attribute (newline at depth 0). */
  const readExpression = (): string => {
    const start = i;
    let depth = 0;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        skipString();
        continue;
      }
      if (c === '<' && text[i + 1] === '<') {
        // Heredoc: up to the line holding only its marker.
        const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 80));
        if (m) {
          const marker = m[1];
          let end = text.indexOf('\n', i);
          while (end >= 0) {
            line++;
            const next = text.indexOf('\n', end + 1);
            const content = text.slice(end + 1, next < 0 ? n : next).trim();
            if (content === marker) {
              i = next < 0 ? n : next;
              break;
            }
            end = next;
          }
          if (end < 0) i = n;
          continue;
        }
      }
      if (
        c === '#' ||
        (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
      ) {
        if (depth === 0) break;
        skipSpaceAndComments(false);
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break; // the closing brace of the enclosing block
        depth--;
      } else if (c === '\n') {
        if (depth === 0) break;
        line++;
      }
      i++;
    }
    return text.slice(start, i).trim();
  };

  while (i < n) {
    skipSpaceAndComments(false);
    if (i >= n) break;
    const c = text[i];
    if (c === '}') {
      if (stack.length === 1) errors.push(`${file}:${line}: unexpected }`);
      else stack.pop();
      i++;
      continue;
    }
    const m = IDENT.exec(text.slice(i, i + 200));
    if (!m) {
      errors.push(`${file}:${line}: unexpected ${JSON.stringify(c)}`);
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const name = m[0];
    const at = line;
    i += name.length;
    skipSpaceAndComments(true);
    if (text[i] === '=' && text[i + 1] !== '=') {
      i++;
      skipSpaceAndComments(true);
      const expression = readExpression();
      stack[stack.length - 1].attributes.set(name, {
        name,
        expression,
        line: at,
      });
      continue;
    }
    const labels: string[] = [];
    while (i < n && text[i] !== '{') {
      if (text[i] === '"') {
        const start = i;
        skipString();
        labels.push(text.slice(start + 1, i - 1));
      } else {
        const label = IDENT.exec(text.slice(i, i + 200));
        if (!label) break;
        labels.push(label[0]);
        i += label[0].length;
      }
      skipSpaceAndComments(true);
    }
    if (text[i] !== '{') {
      errors.push(`${file}:${at}: expected { after ${name}`);
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    i++;
    const block: HclBlock = {
      type: name,
      labels,
      line: at,
      attributes: new Map(),
      blocks: [],
    };
    stack[stack.length - 1].blocks.push(block);
    stack.push(block);
  }
  if (stack.length > 1)
    errors.push(`${file}: ${stack.length - 1} unclosed block(s)`);
  return { file, body: root, errors };
}
