/*
 * The live part of one SLO on the card: SLI against the target, the budget left
 * (bar and minutes), burn rate per window, firing alerts and the budget history
 * chart (recharts), or the problem that stopped it with what to do about it.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import LocalFireDepartmentIcon from '@mui/icons-material/LocalFireDepartment';
import {
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  BudgetStatus,
  LiveProblem,
  SloLive,
} from '@plinth/backstage-plugin-infra-common';
import { readableFilledChipSx } from '../../lib/readableColor';

const percent = (v: number, digits = 2) =>
  `${Number((v * 100).toFixed(digits))}%`;
const minutes = (m: number) =>
  `${Number(m.toFixed(2)).toLocaleString('en-US')} min`;

const STATUS: Record<
  BudgetStatus,
  { label: string; icon: JSX.Element; color: 'success' | 'warning' | 'error' }
> = {
  healthy: {
    label: 'Within budget',
    icon: <CheckCircleIcon fontSize="small" />,
    color: 'success',
  },
  low: {
    label: 'Budget low',
    icon: <WarningIcon fontSize="small" />,
    color: 'warning',
  },
  exhausted: {
    label: 'Budget exhausted',
    icon: <ErrorIcon fontSize="small" />,
    color: 'error',
  },
};

const PROBLEM_TITLE: Record<LiveProblem['kind'], string> = {
  'not-configured': 'No Prometheus connected',
  'no-data': 'No data for this SLO',
  unreachable: 'Prometheus is down or slow',
};

function Problem(props: { problem: LiveProblem }) {
  const { problem } = props;
  return (
    <Alert
      severity={problem.kind === 'unreachable' ? 'error' : 'info'}
      data-testid={`slo-live-${problem.kind}`}
      sx={{ my: 1 }}
    >
      <strong>{PROBLEM_TITLE[problem.kind]}.</strong> {problem.message}
      {problem.kind === 'no-data' && (
        // Wrapped anywhere: a long query must not make the alert a scrollable region (axe).
        <Box
          component="pre"
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', m: 0, mt: 1 }}
        >
          <code>{problem.query}</code>
        </Box>
      )}
    </Alert>
  );
}

function History(props: { points: Array<{ t: number; remaining: number }> }) {
  const data = props.points.map(p => ({
    t: p.t,
    remaining: Number((p.remaining * 100).toFixed(2)),
  }));
  if (data.length === 0) return null;
  return (
    <Box
      height={160}
      mt={1}
      role="img"
      aria-label="Error budget remaining over the window"
      data-testid="slo-budget-history"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={t => new Date(t).toISOString().slice(5, 10)}
          />
          <YAxis unit="%" width={48} />
          <ReferenceLine y={0} strokeDasharray="4 4" />
          <Tooltip
            labelFormatter={t => new Date(Number(t)).toISOString()}
            formatter={v => [`${v}%`, 'Budget remaining']}
          />
          <Line
            type="monotone"
            dataKey="remaining"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}

/** The live state of one SLO. */
export function LiveSlo(props: { live: SloLive; target: number }) {
  const { live, target } = props;
  if (live.state === 'problem') return <Problem problem={live.problem} />;
  const { reading, alerts } = live;
  const status = STATUS[reading.status];
  const left = Math.max(0, Math.min(1, reading.budgetRemaining));
  return (
    <Box data-testid="slo-live" my={1}>
      <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
        <Chip
          size="small"
          icon={status.icon}
          color={status.color}
          sx={readableFilledChipSx(status.color)}
          label={status.label}
        />
        {alerts.length > 0 && (
          <Chip
            size="small"
            color="error"
            icon={<LocalFireDepartmentIcon fontSize="small" />}
            label={`Burning now: ${alerts.length} alert${
              alerts.length > 1 ? 's' : ''
            } firing`}
          />
        )}
        {live.demo && (
          <Chip size="small" variant="outlined" label="Demo data" />
        )}
      </Stack>
      <Typography variant="body2" mt={1}>
        SLI over the window:{' '}
        <strong>
          {reading.sli === undefined ? 'no traffic' : percent(reading.sli, 3)}
        </strong>{' '}
        (target {percent(target, 3)})
      </Typography>
      <Typography variant="body2">
        Error budget remaining:{' '}
        <strong>{percent(reading.budgetRemaining, 1)}</strong> (
        {minutes(reading.budgetRemainingMinutes)} of{' '}
        {minutes(reading.budgetMinutes)})
      </Typography>
      <LinearProgress
        variant="determinate"
        color={status.color}
        value={left * 100}
        aria-label={`Error budget remaining ${percent(
          reading.budgetRemaining,
          1,
        )}`}
        sx={{ height: 8, borderRadius: 1, my: 0.5 }}
      />
      {reading.burnRates.length > 0 && (
        <Typography variant="body2" component="div">
          Burn rate:{' '}
          {reading.burnRates.map(b => (
            <Box
              component="span"
              key={b.window}
              mr={1.5}
              data-testid="burn-rate"
            >
              {b.window} <strong>{Number(b.burnRate.toFixed(2))}x</strong>
            </Box>
          ))}
        </Typography>
      )}
      {alerts.map(a => (
        <Alert
          key={`${a.name}-${a.severity}`}
          severity="error"
          icon={<LocalFireDepartmentIcon />}
          sx={{ my: 0.5 }}
        >
          Firing: <strong>{a.name}</strong>
          {a.severity ? ` (${a.severity})` : ''}
          {a.activeAt ? ` since ${a.activeAt}` : ''}
          {a.summary ? ` - ${a.summary}` : ''}
        </Alert>
      ))}
      <History points={live.history} />
    </Box>
  );
}
