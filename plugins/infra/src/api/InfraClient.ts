import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ChangePreview,
  ChangePreviewOutcome,
  InfraApi,
  PlanOutcome,
  ServiceChangeSource,
} from './InfraApi';
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
    return this.#get('overview', params);
  }

  async getSlosLive(entityRef: string): Promise<ServiceSlosLive> {
    return this.#get('slos/live', new URLSearchParams({ entityRef }));
  }

  async getCompliance(entityRef: string): Promise<ServiceCompliance> {
    return this.#get('compliance', new URLSearchParams({ entityRef }));
  }

  /** GET `path` of the infra backend; a failed response rejects with a ResponseError. */
  async #get<T>(path: string, params: URLSearchParams): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    const res = await this.#fetchApi.fetch(`${baseUrl}/${path}?${params}`);
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
    const res = await this.#postAnswers('/plan', answers);
    const issues = await issuesOf(res);
    if (issues) return { ok: false, issues };
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    const plan: PlanResult = await res.json();
    return { ok: true, plan };
  }

  async getServiceChange(
    entityRef: string,
  ): Promise<ServiceChangeSource | undefined> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    const res = await this.#fetchApi.fetch(
      `${baseUrl}${changePath(entityRef)}`,
    );
    // Not managed by Plinth, or its repository cannot be read: no change flow.
    if (res.status === 404) return undefined;
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }

  async previewChange(
    entityRef: string,
    answers: unknown,
  ): Promise<ChangePreviewOutcome> {
    const res = await this.#postAnswers(
      `${changePath(entityRef)}/preview`,
      answers,
    );
    const issues = await issuesOf(res);
    if (issues) return { ok: false, issues };
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    const preview: ChangePreview = await res.json();
    return { ok: true, preview };
  }

  async #postAnswers(path: string, answers: unknown): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    return this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
  }
}

/** `/services/<namespace>/<name>/change`, each part encoded. */
function changePath(entityRef: string): string {
  const { namespace, name } = parseEntityRef(entityRef, {
    defaultKind: 'component',
    defaultNamespace: 'default',
  });
  return `/services/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}/change`;
}

/** The planner's 400 lists every invalid answer; any other 400 is an error. */
async function issuesOf(res: Response): Promise<AnswerIssue[] | undefined> {
  if (res.status !== 400) return undefined;
  const body = await res
    .clone()
    .json()
    .catch(() => undefined);
  return isIssueList(body?.issues) ? body.issues : undefined;
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
