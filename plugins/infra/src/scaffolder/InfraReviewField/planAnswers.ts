import { ResponseError } from '@backstage/errors';

/** The sections of the answers model, in workflow order (design/answers.md). */
export const ANSWER_SECTIONS = [
  'service',
  'workload',
  'slos',
  'constraints',
  'environments',
  'topology',
  'iac',
  'reliability',
  'security',
  'operations',
  'improvement',
] as const;

/** Drops empty strings and nulls that the form leaves behind for unanswered fields. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(prune);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== '' && v !== null && v !== undefined)
        .map(([k, v]) => [k, prune(v)]),
    );
  }
  return value;
}

/** The answers model from the wizard's form data: only its sections, as the template sends them. */
export function answersFromFormData(formData: Record<string, unknown> = {}) {
  return Object.fromEntries(
    ANSWER_SECTIONS.filter(section => formData[section] !== undefined).map(
      section => [section, prune(formData[section])],
    ),
  );
}

export interface AnswerIssue {
  path: string;
  message: string;
}

export interface PlanResponse {
  design: {
    decisions?: Array<{
      id: string;
      step: number;
      title: string;
      value: unknown;
      reason: string;
      origin: string;
    }>;
  };
  warnings: Array<{ code: string; message: string; path?: string }>;
  compliance: {
    frameworks?: Array<{
      framework: string;
      name: string;
      status: string;
      counts?: { pass: number; fail: number; unknown: number };
      controls?: Array<{
        controlId: string;
        title: string;
        status: string;
        fixHint?: string;
      }>;
    }>;
  };
  cost: {
    environments?: Array<{ environment: string; monthlyUsd: number }>;
    totalMonthlyUsd?: number;
    monthlyBudgetUsd?: number;
    withinBudget?: boolean;
  };
}

export type PlanOutcome =
  | { ok: true; plan: PlanResponse }
  | { ok: false; issues: AnswerIssue[] };

/**
 * Plans the answers with the infra backend (`POST /api/infra/plan`). Invalid answers are
 * an outcome, not an error: the 400 body lists each issue by its dotted path.
 */
export async function planAnswers(
  apis: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi: { fetch: typeof fetch };
  },
  answers: unknown,
): Promise<PlanOutcome> {
  const baseUrl = await apis.discoveryApi.getBaseUrl('infra');
  const response = await apis.fetchApi.fetch(`${baseUrl}/plan`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers }),
  });
  if (response.status === 400) {
    const body = await response
      .clone()
      .json()
      .catch(() => undefined);
    if (Array.isArray(body?.issues)) {
      return { ok: false, issues: body.issues };
    }
  }
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return { ok: true, plan: await response.json() };
}
