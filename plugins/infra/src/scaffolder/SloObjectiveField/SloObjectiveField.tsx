import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  burnRateAlerts,
  errorBudget,
  windowDays,
} from '@plinth/backstage-plugin-infra-common';

function formatMinutes(minutes: number): string {
  if (minutes >= 120) {
    return `${(minutes / 60).toFixed(1)} hours (${Math.round(
      minutes,
    )} minutes)`;
  }
  return `${Number(minutes.toFixed(2))} minutes`;
}

/** The objective's error budget and burn-rate alerts, or why they cannot be shown. */
export function SloBudgetSummary(props: {
  objective?: number;
  window: string;
  /** What spends the budget: failed requests (availability) or slow ones (latency). */
  kind?: 'availability' | 'latency';
}) {
  const { objective, window, kind = 'availability' } = props;
  const spentBy = kind === 'latency' ? 'be slower than the threshold' : 'fail';
  if (objective === undefined || !(objective >= 90 && objective < 100)) {
    return (
      <Typography variant="body2" color="text.secondary">
        Enter an objective from 90 to below 100 to see its error budget.
      </Typography>
    );
  }
  const days = windowDays(window);
  const budget = errorBudget(objective, days);
  const alerts = burnRateAlerts(objective, days);
  return (
    <Box data-testid="slo-budget">
      <Typography variant="body2">
        Error budget: <strong>{formatMinutes(budget.minutes)}</strong> per{' '}
        {days} days ({Number((budget.ratio * 100).toPrecision(6))}% of requests
        may {spentBy}).
      </Typography>
      <Typography variant="body2" component="div">
        Alerts:
        <ul style={{ margin: 0 }}>
          {alerts.map(alert => (
            <li key={alert.name}>
              {alert.severity === 'page' ? 'Page' : 'Ticket'} when{' '}
              {alert.longWindow}/{alert.shortWindow} windows burn at{' '}
              {Number(alert.factor.toFixed(2))}x ({alert.budgetPercent}% of the
              budget gone)
            </li>
          ))}
        </ul>
      </Typography>
    </Box>
  );
}

/**
 * An SLO objective in percent that shows, as you type, the error budget over the SLO
 * window (a sibling field, `window`) and the burn-rate alert windows it leads to.
 */
export const SloObjectiveField = (
  props: FieldExtensionComponentProps<number>,
) => {
  const { formData, onChange, schema, required, rawErrors, idSchema } = props;
  const window: string =
    props.formContext?.formData?.slos?.window === '28d' ? '28d' : '30d';
  const hasErrors = !!rawErrors?.length;

  return (
    <Box mb={2}>
      <TextField
        id={idSchema?.$id}
        label={schema.title ?? 'Objective (%)'}
        // The form lists rawErrors under the field itself; repeating them here would
        // show each error twice and hide why the question matters.
        helperText={schema.description}
        error={hasErrors}
        required={required}
        type="number"
        // No min/max/step here: the browser would block Next with its own tooltip instead
        // of the field's error (validateSloObjective) shown under the field.
        inputProps={{ step: 'any', inputMode: 'decimal' }}
        value={formData ?? ''}
        onChange={event => {
          const text = event.target.value;
          onChange(text === '' ? (undefined as any) : Number(text));
        }}
        fullWidth
        margin="normal"
      />
      <SloBudgetSummary
        objective={formData}
        window={window}
        kind={
          props.uiSchema?.['ui:options']?.sloKind === 'latency'
            ? 'latency'
            : 'availability'
        }
      />
    </Box>
  );
};

/** Keeps the objective in the range the planner accepts, with the reason. */
export function validateSloObjective(
  value: number | undefined,
  validation: { addError: (message: string) => void },
) {
  if (value === undefined) {
    return;
  }
  if (!(value >= 90)) {
    validation.addError('must be at least 90 (percent)');
  } else if (!(value < 100)) {
    validation.addError(
      'must be below 100 (percent); 100% leaves no error budget',
    );
  }
}
