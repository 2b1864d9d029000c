/*
 * How much of an annotation Plinth reads, and how much of a bad value it repeats in an error.
 * Annotations are user text of any length; a message or an overview row that echoes them
 * whole can be made as large as the entity.
 */

/** The longest annotation value Plinth reads; longer ones are an error, not read. */
export const MAX_ANNOTATION_LENGTH = 1000;

/** At most this many characters of a bad value appear in a message. */
const ECHO_LENGTH = 40;

/** A bad value for a message: quoted, cut to a few dozen characters. */
export function echo(value: string): string {
  return value.length <= ECHO_LENGTH
    ? `'${value}'`
    : `'${value.slice(0, ECHO_LENGTH)}...' (${value.length} characters)`;
}

/** The issue message for an annotation over {@link MAX_ANNOTATION_LENGTH}, or undefined. */
export function tooLong(value: string): string | undefined {
  return value.length > MAX_ANNOTATION_LENGTH
    ? `is ${value.length} characters long; at most ${MAX_ANNOTATION_LENGTH} are read`
    : undefined;
}

/**
 * An annotation's value when it is within {@link MAX_ANNOTATION_LENGTH}; otherwise an issue
 * naming the annotation is added and the value is not read.
 */
export function boundedAnnotation(
  annotations: Record<string, string> | undefined,
  name: string,
  issues: Array<{ path: string; message: string }>,
  pathOf: (annotation: string) => string,
): string | undefined {
  const value = annotations?.[name];
  if (value === undefined) return undefined;
  const problem = tooLong(value);
  if (problem) {
    issues.push({ path: pathOf(name), message: problem });
    return undefined;
  }
  return value;
}
