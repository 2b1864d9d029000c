/*
 * Whether a latency threshold can be measured: only a bucket bound of the service's
 * histogram gives a count of requests under it (see buckets.ts).
 */

/** The message for a threshold that is not a bucket, naming the allowed values; undefined when it is one. */
export function latencyThresholdProblem(
  thresholdMs: number,
  bucketsMs: readonly number[],
): string | undefined {
  if (bucketsMs.includes(thresholdMs)) return undefined;
  return `${thresholdMs} ms is not a bucket of the service's latency histogram (slos.latencyBucketsMs), so no series counts the requests under it; choose one of ${bucketsMs.join(
    ', ',
  )} ms, or add ${thresholdMs} ms to slos.latencyBucketsMs if the service exports that bucket`;
}
