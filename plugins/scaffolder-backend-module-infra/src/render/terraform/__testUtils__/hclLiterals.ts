/*
 * Where a marker word sits in HCL source: inside the literal part of a quoted string or
 * heredoc (harmless), or anywhere else (an identifier, an expression, an interpolation,
 * a comment: hostile text escaped its literal). A small lexer of HCL's native syntax,
 * enough for what the renderers write: `"..."` with `\` escapes, `${ }` and `%{ }`
 * templates (with `$${` and `%%{` as escapes), `<<EOT`/`<<-EOT` heredocs, `#`, `//`, and
 * `/* *\/` comments.
 */

type Mode = 'code' | 'string' | 'heredoc';

/** Each place the marker appears outside a literal, as `line N: <context>`. */
export function literalViolations(source: string, marker: string): string[] {
  const violations: string[] = [];
  // A stack: code inside a template interpolation returns to its string on the closing brace.
  const stack: Array<{ mode: Mode; depth: number; heredocEnd?: string }> = [
    { mode: 'code', depth: 0 },
  ];
  let i = 0;
  const top = () => stack[stack.length - 1];
  const report = (at: number) => {
    const line = source.slice(0, at).split('\n').length;
    violations.push(
      `line ${line}: ${JSON.stringify(
        source.slice(Math.max(0, at - 40), at + 40),
      )}`,
    );
  };

  while (i < source.length) {
    const frame = top();
    if (source.startsWith(marker, i) && frame.mode === 'code') {
      report(i);
      i += marker.length;
      continue;
    }
    const c = source[i];
    if (frame.mode === 'code') {
      if (c === '"') {
        stack.push({ mode: 'string', depth: 0 });
        i += 1;
      } else if (c === '#' || source.startsWith('//', i)) {
        const end = source.indexOf('\n', i);
        const stop = end === -1 ? source.length : end;
        if (source.slice(i, stop).includes(marker)) report(i);
        i = stop;
      } else if (source.startsWith('/*', i)) {
        const end = source.indexOf('*/', i + 2);
        const stop = end === -1 ? source.length : end + 2;
        if (source.slice(i, stop).includes(marker)) report(i);
        i = stop;
      } else if (
        /^<<-?([A-Za-z_][A-Za-z0-9_]*)\n/.test(source.slice(i, i + 80))
      ) {
        const [, name] = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\n/.exec(
          source.slice(i, i + 80),
        )!;
        stack.push({ mode: 'heredoc', depth: 0, heredocEnd: name });
        i = source.indexOf('\n', i) + 1;
      } else if (c === '{') {
        frame.depth += 1;
        i += 1;
      } else if (c === '}') {
        if (frame.depth === 0 && stack.length > 1) stack.pop();
        else frame.depth -= 1;
        i += 1;
      } else {
        i += 1;
      }
      continue;
    }
    // Inside a string or heredoc: only escapes, templates and the end matter.
    if (frame.mode === 'string' && c === '\\') {
      i += 2;
    } else if (source.startsWith('$${', i) || source.startsWith('%%{', i)) {
      i += 3;
    } else if (source.startsWith('${', i) || source.startsWith('%{', i)) {
      stack.push({ mode: 'code', depth: 0 });
      i += 2;
    } else if (frame.mode === 'string' && c === '"') {
      stack.pop();
      i += 1;
    } else if (frame.mode === 'string' && c === '\n') {
      // A quoted string cannot span lines: whatever follows is code.
      stack.pop();
      i += 1;
    } else if (
      frame.mode === 'heredoc' &&
      c === '\n' &&
      new RegExp(`^\\n[ \\t]*${frame.heredocEnd}(\\n|$)`).test(
        source.slice(i, i + 100),
      )
    ) {
      stack.pop();
      i += 1;
    } else {
      i += 1;
    }
  }
  return violations;
}
