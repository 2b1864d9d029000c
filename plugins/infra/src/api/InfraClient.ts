import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { InfraApi, PlanOutcome } from './InfraApi';
import type {
  AnswerIssue,
  OverviewPage,
  OverviewQuery,
  PlanResult,
  ServiceCompliance,
  ServiceSlosLive,
} from '@plinth/backstage-plugin-infra-common';

/** Talks to the infra backend at `/api/infra`. */
export class InfraClient implements InfraApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getOverview(query: OverviewQuery): Promise<OverviewPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    const res = await this.#fetchApi.fetch(`${baseUrl}/overview?${params}`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }

  async getSlosLive(entityRef: string): Promise<ServiceSlosLive> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    const params = new URLSearchParams({ entityRef });
    const res = await this.#fetchApi.fetch(`${baseUrl}/slos/live?${params}`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }

  async getCompliance(entityRef: string): Promise<ServiceCompliance> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    const params = new URLSearchParams({ entityRef });
    const res = await this.#fetchApi.fetch(`${baseUrl}/compliance?${params}`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }

  async getSourceFile(entityRef: string, path: string): Promise<string> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    const params = new URLSearchParams({ entityRef, path });
    const res = await this.#fetchApi.fetch(`${baseUrl}/source?${params}`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.text();
  }

  async plan(answers: unknown): Promise<PlanOutcome> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    const res = await this.#fetchApi.fetch(`${baseUrl}/plan`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
    if (res.status === 400) {
      // The planner's 400 lists every invalid answer; any other 400 is an error.
      const body = await res
        .clone()
        .json()
        .catch(() => undefined);
      if (isIssueList(body?.issues)) {
        return { ok: false, issues: body.issues };
      }
    }
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    const plan: PlanResult = await res.json();
    return { ok: true, plan };
  }
}

function isIssueList(value: unknown): value is AnswerIssue[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      issue =>
        typeof issue?.path === 'string' && typeof issue?.message === 'string',
    )
  );
}
