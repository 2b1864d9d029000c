import { RefObject, useEffect, useMemo, useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MuiLink from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import {
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { ApiHolder, useApi } from '@backstage/frontend-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type {
  ControlStatus,
  Decision,
  FrameworkStatus,
  PlanResult,
  WorkflowStep,
} from '@plinth/backstage-plugin-infra-common';
import { infraApiRef } from '../../api';
import { answersFromFormData } from './answersFromFormData';
import { issueLocation } from './issueLocation';

/** "Environments and topology, VPC / VNet CIDR" for a dotted answers path. */
function whereIs(path: string): string {
  const at = issueLocation(path);
  return at ? `${at.pageTitle}, ${at.fieldLabel}` : path;
}

/**
 * Goes back to the page of a field and focuses it. The stepper keeps its page to
 * itself; its step labels are the way back it offers (a click on an earlier step).
 */
function goToField(path: string) {
  const at = issueLocation(path);
  if (!at) return;
  const step = document.querySelector<HTMLElement>(
    `[aria-label="Step ${at.page}"]`,
  );
  step?.click();
  setTimeout(() => {
    const field = document.getElementById(at.fieldId);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, 100);
}

/**
 * Disables the page's Confirm button while the answers do not plan. The button belongs to
 * the scaffolder's stepper, which only disables it while validating; Confirm would
 * otherwise look usable and then only repeat the issues.
 */
function useConfirmDisabled(anchor: RefObject<HTMLElement>, disabled: boolean) {
  useEffect(() => {
    const button = anchor.current
      ?.closest('form')
      ?.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!button || !disabled) return undefined;
    button.disabled = true;
    button.setAttribute('aria-disabled', 'true');
    button.setAttribute('data-disabled', 'true');
    button.title = 'Fix the answers listed on this page first';
    return () => {
      button.disabled = false;
      button.removeAttribute('aria-disabled');
      button.removeAttribute('data-disabled');
      button.removeAttribute('title');
    };
  }, [anchor, disabled]);
}

const STEP_TITLES: Record<WorkflowStep, string> = {
  1: 'Workloads, SLOs and constraints',
  2: 'Environments and topology',
  3: 'Infrastructure as code',
  4: 'Reliability',
  5: 'Security and compliance',
  6: 'Operations',
  7: 'Continuous improvement',
};

const STATUS_WORDS: Record<FrameworkStatus, string> = {
  compliant: 'Compliant',
  'at-risk': 'At risk',
  'non-compliant': 'Non compliant',
  unknown: 'Unknown (no data)',
};

const STATUS_COLOURS: Record<
  FrameworkStatus,
  'success' | 'warning' | 'error' | 'default'
> = {
  compliant: 'success',
  'at-risk': 'warning',
  'non-compliant': 'error',
  unknown: 'default',
};

/** Rounded for people: 0.0432000000013 -> 0.0432, 99.9999 stays, 1234.56 -> 1,235. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) {
    return value.toLocaleString('en-US');
  }
  // Ten significant digits drop floating-point noise before rounding for display.
  const clean = Number(value.toPrecision(10));
  if (Math.abs(clean) >= 100) return Math.round(clean).toLocaleString('en-US');
  if (Math.abs(clean) >= 1) {
    return clean.toLocaleString('en-US', { maximumFractionDigits: 5 });
  }
  return String(Number(clean.toPrecision(3)));
}

function formatValue(value: Decision['value']): string {
  if (Array.isArray(value)) return value.join(', ') || 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** The reason, saying plainly when a value is simply the user's answer or a default. */
function explain(decision: Decision): string {
  const { reason, origin } = decision;
  if (origin === 'answered') {
    // The planner's reasons for answers often start with the word itself.
    const rest = reason.replace(/^answered[;:,.]?\s*/, '');
    return rest ? `Your answer: ${rest}` : 'Your answer';
  }
  if (origin === 'default') {
    return `${reason} (default)`;
  }
  return reason;
}

const usd = (amount: number) =>
  `$${Math.round(amount).toLocaleString('en-US')}`;

function Decisions({ plan }: { plan: PlanResult }) {
  const { decisions } = plan.design;
  const steps = [...new Set(decisions.map(d => d.step))].sort();
  return (
    <Box>
      <Typography variant="h6">Decisions and why</Typography>
      {steps.map(step => (
        <Box key={step} mb={2}>
          <Typography variant="subtitle2">
            {step}. {STEP_TITLES[step]}
          </Typography>
          <ul style={{ marginTop: 4 }}>
            {decisions
              .filter(d => d.step === step)
              .map(d => (
                <li key={d.id}>
                  <strong>{d.title}:</strong> {formatValue(d.value)}
                  <Typography variant="body2" color="text.secondary">
                    {explain(d)}
                  </Typography>
                </li>
              ))}
          </ul>
        </Box>
      ))}
    </Box>
  );
}

const isOpen = (status: ControlStatus) =>
  status === 'fail' || status === 'unknown';

function Compliance({ plan }: { plan: PlanResult }) {
  const { frameworks } = plan.compliance;
  return (
    <Box mb={2}>
      <Typography variant="h6">Compliance preview</Typography>
      {frameworks.length === 0 && (
        <Typography variant="body2">
          No compliance framework chosen on the first page.
        </Typography>
      )}
      {frameworks.map(f => (
        <Box key={f.framework} mb={1}>
          <Typography variant="subtitle2" component="div">
            {f.name}{' '}
            <Chip
              size="small"
              color={STATUS_COLOURS[f.status]}
              label={f.reason ? 'Unknown' : STATUS_WORDS[f.status]}
            />
            {f.reason
              ? ` Unknown: ${f.reason}. Add a production environment to check this framework.`
              : ` ${f.counts.pass} controls met, ${f.counts.fail} not met, ${f.counts.unknown} unknown`}
          </Typography>
          <ul style={{ marginTop: 2 }}>
            {f.controls
              .filter(c => isOpen(c.status))
              .map(c => (
                <li key={c.controlId}>
                  {c.title}: {c.status === 'fail' ? 'not met' : 'unknown'}
                  {c.fixHint ? ` - ${c.fixHint}` : ''}
                </li>
              ))}
          </ul>
        </Box>
      ))}
    </Box>
  );
}

function Cost({ plan }: { plan: PlanResult }) {
  const { cost } = plan;
  const rows = cost.environments.map(e => ({
    id: e.environment,
    environment: e.environment,
    monthly: usd(e.monthlyUsd),
  }));
  return (
    <Box mb={2}>
      <Table
        title="Monthly cost estimate"
        options={{
          paging: false,
          search: false,
          toolbar: true,
          padding: 'dense',
        }}
        columns={[
          { title: 'Environment', field: 'environment' },
          { title: 'Per month (USD)', field: 'monthly' },
        ]}
        data={rows}
      />
      <Typography variant="body1" mt={1}>
        Total {usd(cost.totalMonthlyUsd)} per month
        {cost.monthlyBudgetUsd !== undefined
          ? ` against a budget of ${usd(cost.monthlyBudgetUsd)}: ${
              cost.withinBudget ? 'within budget' : 'over budget'
            }`
          : ' (no budget given)'}
        .
      </Typography>
    </Box>
  );
}

/**
 * The review page: plans the answers given so far with the infra backend and shows the
 * derived decisions with their reasons, the warnings, the compliance preview and the cost
 * against the budget, before anything is created.
 */
export const InfraReviewField = (
  props: FieldExtensionComponentProps<string>,
) => {
  const infraApi = useApi(infraApiRef);
  const formData = props.formContext?.formData;
  const answers = useMemo(() => answersFromFormData(formData), [formData]);
  const answersKey = JSON.stringify(answers);

  const { loading, error, value } = useAsync(
    () => infraApi.plan(JSON.parse(answersKey)),
    [infraApi, answersKey],
  );

  // The form only validates fields that hold a value: record the outcome so that
  // validateInfraReview runs on Next and blocks Create while the answers do not plan.
  // (The form hands a new onChange to every render, so it is read through a ref.)
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  let outcome: string | undefined;
  if (value) {
    outcome = value.ok ? 'planned' : 'needs-fixes';
  }
  useEffect(() => {
    if (outcome) {
      onChange.current(outcome);
    }
  }, [outcome]);
  const anchor = useRef<HTMLDivElement>(null);
  useConfirmDisabled(anchor, outcome === 'needs-fixes');

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  if (!value.ok) {
    return (
      <Alert severity="error" data-testid="infra-review-issues" ref={anchor}>
        <Typography variant="subtitle2">
          Some answers need fixing before Plinth can plan the design; Confirm is
          disabled until they are fixed:
        </Typography>
        <ul>
          {value.issues.map(issue => (
            <li key={`${issue.path}:${issue.message}`}>
              <MuiLink
                component="button"
                type="button"
                onClick={() => goToField(issue.path)}
              >
                {whereIs(issue.path)}
              </MuiLink>
              : {issue.message}
            </li>
          ))}
        </ul>
      </Alert>
    );
  }
  const { plan } = value;
  return (
    <Box data-testid="infra-review">
      {plan.warnings.length > 0 && (
        <Box mb={2}>
          <Typography variant="h6">Warnings</Typography>
          {plan.warnings.map(w => (
            <Alert
              key={`${w.code}:${w.path ?? ''}`}
              severity="warning"
              sx={{ mb: 1 }}
            >
              {w.message}
              {w.path ? ` (${w.path})` : ''}
            </Alert>
          ))}
        </Box>
      )}
      <Cost plan={plan} />
      <Compliance plan={plan} />
      <Decisions plan={plan} />
    </Box>
  );
};

/** Blocks Create while the answers do not plan, naming each issue by its dotted path. */
export async function validateInfraReview(
  _value: string | undefined,
  validation: { addError: (message: string) => void },
  context: { apiHolder: ApiHolder; formData: any },
) {
  const infraApi = context.apiHolder.get(infraApiRef);
  if (!infraApi) {
    return;
  }
  const outcome = await infraApi.plan(answersFromFormData(context.formData));
  if (!outcome.ok) {
    for (const issue of outcome.issues) {
      validation.addError(`${whereIs(issue.path)}: ${issue.message}`);
    }
  }
}
