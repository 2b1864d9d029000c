/*
 * Latency SLIs count the requests in the histogram bucket at the threshold, so the
 * threshold must be a bucket the service exports, and the `le` label value must be
 * written exactly as the target Prometheus stores it: a rule reading a bucket that does
 * not exist returns nothing and its alerts can never fire, while rule health says ok.
 */

/**
 * The default buckets of the Prometheus client libraries (client_golang `DefBuckets`,
 * client_python, client_java), in milliseconds: 0.005 s to 10 s.
 *
 * @public
 */
export const DEFAULT_LATENCY_BUCKETS_MS: readonly number[] = [
  5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
];

/**
 * The Prometheus majors whose `le` formatting differs (3 normalises float label values).
 *
 * @public
 */
export const PROMETHEUS_MAJORS = [2, 3] as const;

/** @public */
export type PrometheusMajor = (typeof PROMETHEUS_MAJORS)[number];

/** The major assumed when none is answered: the current release line. */
export const DEFAULT_PROMETHEUS_MAJOR: PrometheusMajor = 3;

/**
 * The `le` label value of a bucket bound in milliseconds, as the target Prometheus stores
 * it. Prometheus 2 keeps what the client wrote; the Go client writes the shortest float
 * (`strconv.FormatFloat(v, 'g', -1, 64)`: `1`, `0.25`). Prometheus 3 normalises `le` and
 * `quantile` on ingestion to the OpenMetrics form, which always has a fraction or an
 * exponent (`1.0`, `10.0`, `0.25`), so the same bucket is `le="1.0"` there.
 *
 * @public
 */
export function bucketLabel(
  boundMs: number,
  major: PrometheusMajor = DEFAULT_PROMETHEUS_MAJOR,
): string {
  const seconds = Number((boundMs / 1000).toPrecision(12));
  const shortest = goShortestFloat(seconds);
  if (major === 2 || /[.e]/.test(shortest)) return shortest;
  return `${shortest}.0`;
}

/** Go's `FormatFloat(v, 'g', -1, 64)` for positive finite values: exponent form below 1e-4 and from 1e21. */
function goShortestFloat(value: number): string {
  const exponent = Math.floor(Math.log10(value));
  if (exponent < -4 || exponent >= 21) {
    const [mantissa, exp] = value.toExponential().split('e');
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}
