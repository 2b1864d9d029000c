/*
 * Escaping for HCL native syntax. Every string that the renderers write goes through
 * `quoteString`, so user text can never end a string, start a template interpolation
 * (`${`) or directive (`%{`), or smuggle in a line break that changes the structure.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** True when `name` is an HCL identifier (usable bare as an attribute, block type or key). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Throws unless `name` is an HCL identifier; names and labels are never escaped, only checked. */
export function assertIdentifier(name: string, what: string): string {
  if (!isIdentifier(name)) {
    throw new TypeError(
      `${what} must be an HCL identifier, got ${JSON.stringify(name)}`,
    );
  }
  return name;
}

function unicodeEscape(codePoint: number): string {
  return codePoint <= 0xffff
    ? `\\u${codePoint.toString(16).padStart(4, '0')}`
    : `\\U${codePoint.toString(16).padStart(8, '0')}`;
}

/**
 * Characters written as escapes rather than raw: C0 and C1 controls, DEL, and the Unicode
 * line and paragraph separators, so a generated file stays one logical line per attribute
 * in every editor and diff tool.
 */
function needsUnicodeEscape(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0xfeff
  );
}

/**
 * The body of an HCL quoted string (without the quotes) that evaluates to exactly `value`
 * in Unicode normal form C. HCL normalises every string it reads to NFC, so we write the
 * normalised form: the file then says what Terraform will see.
 */
export function escapeStringContent(input: string): string {
  const value = input.normalize('NFC');
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const codePoint = value.codePointAt(i)!;
    if (codePoint > 0xffff) {
      out += String.fromCodePoint(codePoint);
      i++; // the low surrogate of this pair
      continue;
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      // HCL files are UTF-8: a lone surrogate has no encoding, so refuse it rather than guess.
      throw new TypeError(
        'HCL strings must be well-formed Unicode (lone surrogate found)',
      );
    }
    const char = value[i];
    const next = value[i + 1];
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    // A doubled introducer is HCL's escape for a literal `${` or `%{`.
    else if ((char === '$' || char === '%') && next === '{') out += char + char;
    else if (needsUnicodeEscape(codePoint)) out += unicodeEscape(codePoint);
    else out += char;
  }
  return out;
}

/** `value` as an HCL quoted string literal. */
export function quoteString(value: string): string {
  return `"${escapeStringContent(value)}"`;
}
