/*
 * The HCL document model. Renderers build values of these types and never write HCL text
 * themselves: strings are always data (escaped on output), and the only way to write an
 * expression is the explicit `HclExpression` type, built from checked identifiers.
 */

/** An HCL expression written as is: a reference, a function call or an operator. Never user text. */
export class HclExpression {
  /** @internal use the constructors in `builders.ts`, which check what they are given. */
  constructor(readonly source: string) {}
}

/**
 * A function call, kept as its name and arguments so that a multi-line argument (an object or
 * a list) is indented from the line the call starts on, as `terraform fmt` lays it out.
 * `source` is the call written at column 0.
 */
export class HclCall extends HclExpression {
  /** @internal use `call` in `builders.ts`. */
  constructor(
    readonly fn: string,
    readonly args: readonly HclValue[],
    source: string,
  ) {
    super(source);
  }
}

/** A nested block inside a body, e.g. `ingress { ... }` or `backend "s3" { ... }`. */
export class HclNestedBlock {
  constructor(readonly labels: readonly string[], readonly body: HclBody) {}
}

export type HclPrimitive = string | number | boolean | null;

export type HclValue =
  | HclPrimitive
  | HclExpression
  | readonly HclValue[]
  | { readonly [key: string]: HclValue | undefined };

/**
 * A block body: attributes and nested blocks, in the order given. A value that is a
 * nested block (or a non-empty list of them) is written as block(s); `undefined` values
 * are left out, which keeps optional attributes readable at the call site.
 */
export type HclBody = {
  readonly [name: string]:
    | HclValue
    | HclNestedBlock
    | readonly HclNestedBlock[]
    | undefined;
};

/** A top-level block: `resource "aws_vpc" "main" { ... }`. */
export interface HclBlock {
  readonly kind: 'block';
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: HclBody;
}

/** A comment line, written as `# text`. */
export interface HclComment {
  readonly kind: 'comment';
  readonly text: string;
}

export type HclFileItem = HclBlock | HclComment;
