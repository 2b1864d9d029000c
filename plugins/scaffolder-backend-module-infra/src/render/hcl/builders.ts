import { assertIdentifier, quoteString } from './escape';
import {
  HclBlock,
  HclBody,
  HclCall,
  HclComment,
  HclExpression,
  HclNestedBlock,
  HclValue,
} from './types';
import { renderCall } from './render';

/** A top-level block with its labels. Labels are checked identifiers, never user text. */
export function block(
  type: string,
  labels: readonly string[],
  body: HclBody,
): HclBlock {
  assertIdentifier(type, 'block type');
  labels.forEach(label => assertIdentifier(label, 'block label'));
  return { kind: 'block', type, labels, body };
}

export function resource(type: string, name: string, body: HclBody): HclBlock {
  return block('resource', [type, name], body);
}

export function data(type: string, name: string, body: HclBody): HclBlock {
  return block('data', [type, name], body);
}

/** A nested block, e.g. `ingress: nested({...})`, or `backend: nested({...}, 's3')`. */
export function nested(body: HclBody, ...labels: string[]): HclNestedBlock {
  labels.forEach(label => assertIdentifier(label, 'block label'));
  return new HclNestedBlock(labels, body);
}

export function comment(text: string): HclComment {
  return { kind: 'comment', text };
}

/**
 * A traversal such as `aws_vpc.main.id` or `var.vpc_cidr`. Each part must be an
 * identifier, or a non-negative integer for an index (`aws_subnet.private[0]`).
 */
export function ref(...parts: Array<string | number>): HclExpression {
  if (parts.length === 0) throw new TypeError('ref needs at least one part');
  const source = parts
    .map((part, index) => {
      if (typeof part === 'number') {
        if (!Number.isSafeInteger(part) || part < 0 || index === 0) {
          throw new TypeError(`invalid index ${part} in reference`);
        }
        return `[${part}]`;
      }
      if (part === '*' && index > 0) return '[*]';
      return `${index === 0 ? '' : '.'}${assertIdentifier(
        part,
        'reference part',
      )}`;
    })
    .join('');
  return new HclExpression(source);
}

/**
 * A function call whose arguments are values, so string arguments are escaped: `jsonencode({...})`.
 * A multi-line argument is indented from the line the call is written on (see `renderCall`).
 */
export function call(fn: string, ...args: HclValue[]): HclExpression {
  assertIdentifier(fn, 'function name');
  return new HclCall(fn, args, renderCall(fn, args, ''));
}

/**
 * An expression written as is. Only for fixed expressions in the renderers' own code
 * (conditionals, arithmetic); never pass text that came from the design.
 */
export function raw(source: string): HclExpression {
  return new HclExpression(source);
}

/** A string literal as an expression, e.g. as an operand of `raw` pieces. */
export function str(value: string): HclExpression {
  return new HclExpression(quoteString(value));
}
