import { CustomErrorBase } from '@backstage/errors';

/** Prometheus could not be reached, answered an error, or took longer than its timeout. */
export class PrometheusUnavailableError extends CustomErrorBase {
  name = 'PrometheusUnavailableError' as const;
  constructor(
    /** The configured instance's name (never its URL or headers). */
    readonly instance: string,
    message: string,
    cause?: unknown,
  ) {
    super(message, cause);
  }
}
