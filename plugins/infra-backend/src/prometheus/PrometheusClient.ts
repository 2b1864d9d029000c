/*
 * A small client of Prometheus's HTTP API (/api/v1/query, /query_range, /alerts).
 * Every failure (network, timeout, HTTP error, error status in the body) becomes a
 * PrometheusUnavailableError naming the instance; the URL and headers stay in the log.
 */
import type { PromSample } from '@plinth/backstage-plugin-infra-common';
import { PrometheusUnavailableError } from './errors';
import type { PrometheusInstanceConfig } from './config';

export interface PromSeries {
  metric: Record<string, string>;
  /** [unix seconds, value] */
  values: Array<[number, number]>;
}

export interface PromAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'firing' | 'pending' | 'inactive';
  activeAt?: string;
}

interface ApiBody<T> {
  status: 'success' | 'error';
  data?: T;
  errorType?: string;
  error?: string;
}

export class PrometheusClient {
  readonly #config: PrometheusInstanceConfig;

  constructor(config: PrometheusInstanceConfig) {
    this.#config = config;
  }

  get name(): string {
    return this.#config.name;
  }

  get demo(): boolean {
    return this.#config.demo;
  }

  async #call<T>(path: string, params: Record<string, string>): Promise<T> {
    const { name, baseUrl, headers, timeoutMs } = this.#config;
    let response: Response;
    try {
      const hasParams = Object.keys(params).length > 0;
      // POST keeps long selectors out of URLs and access logs
      response = await fetch(`${baseUrl}${path}`, {
        method: hasParams ? 'POST' : 'GET',
        headers: {
          ...headers,
          ...(hasParams
            ? { 'content-type': 'application/x-www-form-urlencoded' }
            : {}),
        },
        body: hasParams ? new URLSearchParams(params).toString() : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const slow =
        error instanceof Error &&
        (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new PrometheusUnavailableError(
        name,
        slow
          ? `Prometheus '${name}' did not answer within ${timeoutMs} ms`
          : `Prometheus '${name}' is unreachable`,
        error,
      );
    }
    let body: ApiBody<T> | undefined;
    try {
      body = (await response.json()) as ApiBody<T>;
    } catch {
      body = undefined;
    }
    if (!response.ok || body?.status !== 'success' || body.data === undefined) {
      const reason = body?.error
        ? `${body.errorType ?? 'error'}: ${body.error}`
        : `HTTP ${response.status}`;
      throw new PrometheusUnavailableError(
        name,
        `Prometheus '${name}' answered ${path} with ${reason}`,
      );
    }
    return body.data;
  }

  /** An instant query that must return a vector. */
  async query(promql: string, time?: Date): Promise<PromSample[]> {
    const params: Record<string, string> = { query: promql };
    if (time) params.time = String(time.getTime() / 1000);
    const data = await this.#call<{
      resultType: string;
      result: Array<{
        metric: Record<string, string>;
        value: [number, string];
      }>;
    }>('/api/v1/query', params);
    if (data.resultType !== 'vector') {
      throw new PrometheusUnavailableError(
        this.name,
        `Prometheus '${this.name}' answered a ${data.resultType} where a vector was expected`,
      );
    }
    return data.result.map(r => ({
      metric: r.metric,
      value: Number(r.value[1]),
    }));
  }

  async queryRange(
    promql: string,
    range: { start: Date; end: Date; stepSeconds: number },
  ): Promise<PromSeries[]> {
    const data = await this.#call<{
      result: Array<{
        metric: Record<string, string>;
        values: Array<[number, string]>;
      }>;
    }>('/api/v1/query_range', {
      query: promql,
      start: String(Math.floor(range.start.getTime() / 1000)),
      end: String(Math.floor(range.end.getTime() / 1000)),
      step: String(range.stepSeconds),
    });
    return data.result.map(r => ({
      metric: r.metric,
      values: r.values.map(([t, v]) => [t, Number(v)] as [number, number]),
    }));
  }

  async alerts(): Promise<PromAlert[]> {
    const data = await this.#call<{ alerts: PromAlert[] }>(
      '/api/v1/alerts',
      {},
    );
    return data.alerts;
  }
}
