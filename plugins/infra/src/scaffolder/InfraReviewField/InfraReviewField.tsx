import { RefObject, useEffect, useMemo, useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import MuiLink from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ApiHolder, useApi } from '@backstage/frontend-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type {
  ControlStatus,
  PlanResult,
} from '@plinth/backstage-plugin-infra-common';
import { infraApiRef } from '../../api';
import { StatusLabel } from '../../components/StatusLabel';
import { answersFromFormData } from './answersFromFormData';
import { issueLocation } from './issueLocation';
import { isChangeMode, serviceRef } from '../ServiceNameField/existingService';
import { ReviewChanges } from './ReviewChanges';
import { ReviewCost } from './ReviewCost';
import { ReviewDecisions } from './ReviewDecisions';

export { formatNumber } from './words';

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

const isOpen = (status: ControlStatus) =>
  status === 'fail' || status === 'unknown';

function Compliance({ plan }: { plan: PlanResult }) {
  const { frameworks } = plan.compliance;
  return (
    <Box data-testid="review-compliance">
      <Typography variant="h6" component="h3">
        Compliance preview
      </Typography>
      {frameworks.length === 0 && (
        <Typography variant="body2">
          No compliance framework chosen on the first page.
        </Typography>
      )}
      {frameworks.map(f => (
        <Box key={f.framework} mb={1}>
          <Typography variant="subtitle2" component="div">
            {f.name} <StatusLabel status={f.status} />
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {f.reason
              ? `Unknown: ${f.reason}. Add a production environment to check this framework.`
              : `${f.counts.pass} controls met, ${f.counts.fail} not met, ${f.counts.unknown} unknown`}
          </Typography>
          <ul style={{ marginTop: 2, marginBottom: 0 }}>
            {f.controls
              .filter(c => isOpen(c.status))
              .map(c => (
                <li key={c.controlId}>
                  <Typography variant="body2">
                    {c.title}: {c.status === 'fail' ? 'not met' : 'unknown'}
                    {c.fixHint ? ` - ${c.fixHint}` : ''}
                  </Typography>
                </li>
              ))}
          </ul>
        </Box>
      ))}
    </Box>
  );
}

function Warnings({ plan }: { plan: PlanResult }) {
  if (plan.warnings.length === 0) return null;
  // One alert with a line per warning: four separate alerts took a fifth of a screen.
  return (
    <Box mb={2}>
      <Typography variant="h6" component="h3">
        Warnings
      </Typography>
      <Alert severity="warning" sx={{ py: 0 }} data-testid="review-warnings">
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {plan.warnings.map(w => (
            <li key={`${w.code}:${w.path ?? ''}`}>
              {w.message}
              {w.path && issueLocation(w.path) && (
                <>
                  {' ('}
                  <MuiLink
                    component="button"
                    type="button"
                    onClick={() => goToField(w.path!)}
                    sx={{ verticalAlign: 'baseline' }}
                  >
                    {whereIs(w.path)}
                  </MuiLink>
                  )
                </>
              )}
            </li>
          ))}
        </ul>
      </Alert>
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
  // A change also shows what it changes against the service's repository.
  const changing = isChangeMode(formData);
  const change = useAsync(async () => {
    const name = JSON.parse(answersKey).service?.name;
    if (!changing || !infraApi.previewChange || typeof name !== 'string') {
      return undefined;
    }
    return infraApi.previewChange(serviceRef(name), JSON.parse(answersKey));
  }, [infraApi, answersKey, changing]);

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

  if (loading || change.loading) {
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
      {change.error && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="change-error">
          What the change does could not be worked out: {change.error.message}
        </Alert>
      )}
      {change.value?.ok && <ReviewChanges preview={change.value.preview} />}
      {changing && (
        <Typography variant="h5" component="h3" mb={1}>
          The design after the change
        </Typography>
      )}
      <Warnings plan={plan} />
      {/* Side by side on a wide screen: the review stays within two screens. */}
      <Grid container spacing={3} mb={2}>
        <Grid item xs={12} lg={7}>
          <ReviewCost cost={plan.cost} />
        </Grid>
        <Grid item xs={12} lg={5}>
          <Compliance plan={plan} />
        </Grid>
      </Grid>
      <ReviewDecisions plan={plan} />
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
