/**
 * A PromQL string literal for any text: double-quoted with JSON's escapes,
 * which PromQL's lexer reads the same way (Go escapes: \\ \" \n \uXXXX).
 */
export function promqlString(value: string): string {
  return JSON.stringify(value);
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** `metric{label="value",...}` with every value escaped as a string literal. */
export function selector(
  metric: string,
  labels: Record<string, string>,
): string {
  if (!METRIC_NAME.test(metric)) {
    throw new Error(`'${metric}' is not a valid metric name`);
  }
  const matchers = Object.entries(labels).map(([name, value]) => {
    if (!LABEL_NAME.test(name)) {
      throw new Error(`'${name}' is not a valid label name`);
    }
    return `${name}=${promqlString(value)}`;
  });
  return `${metric}{${matchers.join(',')}}`;
}

/**
 * Prometheus expands annotations as Go templates, so literal text must not
 * open one: every `{{` becomes a template that prints `{{`.
 */
export function goTemplateLiteral(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}
