import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import {
  burnRateAlerts,
  errorBudget,
  ServiceSlosLive,
  SloView,
} from '@plinth/backstage-plugin-infra-common';
import { LiveSlo } from './LiveSlo';
import { formatTarget } from '../../lib/csv';
import { infraSourceLink, Parsed } from '../../hooks/useServiceInfra';
import { IssueList } from '../IssueList';

const minutes = (m: number) =>
  `${Number(m.toFixed(2)).toLocaleString('en-US')} min`;

/** The live state of the card: absent where no infra API is installed. */
export type SloCardLive =
  | { loading: true }
  | { loading: false; error?: Error; value?: ServiceSlosLive };

function LiveState(props: { slo: SloView; live?: SloCardLive }) {
  const { slo, live } = props;
  if (!live) return null;
  if (live.loading) return <Progress />;
  if (live.error) {
    return (
      <Typography variant="body2" color="error" role="alert">
        Live SLO data unavailable: {live.error.message}
      </Typography>
    );
  }
  const state = live.value?.slos.find(s => s.sloRef === slo.ref);
  return state ? <LiveSlo live={state} target={slo.target} /> : null;
}

function Objective(props: {
  slo: SloView;
  infraSource?: string;
  live?: SloCardLive;
}) {
  const { slo, infraSource, live } = props;
  const percent = slo.target * 100;
  const budget = errorBudget(percent, slo.windowDays);
  const alerts = burnRateAlerts(percent, slo.windowDays);
  const windowMinutes = slo.windowDays * 24 * 60;
  const sourceLink = infraSourceLink(infraSource, slo.source);
  const runbookLink = infraSourceLink(infraSource, slo.runbook);
  const queries = Object.entries(slo.indicator.queries);
  return (
    <Box data-testid="slo" mb={2}>
      <Typography variant="subtitle1" component="h3">
        {slo.displayName ?? slo.name}
      </Typography>
      {slo.description && (
        <Typography variant="body2" color="text.secondary">
          {slo.description}
        </Typography>
      )}
      <Typography variant="body2" mt={1}>
        Target <strong>{formatTarget(slo.target)}</strong> over a{' '}
        {slo.rolling ? 'rolling ' : ''}
        {slo.windowDays}-day window ({slo.budgetingMethod})
      </Typography>
      <Typography variant="body2">
        Error budget: <strong>{minutes(budget.minutes)}</strong> per{' '}
        {slo.windowDays} days ({formatTarget(budget.ratio)} of{' '}
        {windowMinutes.toLocaleString('en-US')} min)
      </Typography>
      <LiveState slo={slo} live={live} />
      {!live && (
        <LinearProgress
          variant="determinate"
          value={100}
          aria-label={`Error budget ${minutes(
            budget.minutes,
          )}, full budget at the start of each window`}
          sx={{ height: 8, borderRadius: 1, my: 0.5 }}
        />
      )}
      {!live && (
        <Typography variant="caption" color="text.secondary">
          Full budget at the start of each window; what is spent comes from
          monitoring.
        </Typography>
      )}
      <Table size="small" aria-label="Burn-rate alerts">
        <TableHead>
          <TableRow>
            <TableCell>Alert</TableCell>
            <TableCell>Long / short window</TableCell>
            <TableCell>Burn-rate factor</TableCell>
            <TableCell>Budget spent when it fires</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {alerts.map(a => (
            <TableRow key={a.name}>
              <TableCell>
                {a.severity === 'page' ? 'Page' : 'Ticket'} ({a.name})
              </TableCell>
              <TableCell>
                {a.longWindow} / {a.shortWindow}
              </TableCell>
              <TableCell>{Number(a.factor.toFixed(2))}x</TableCell>
              <TableCell>{a.budgetPercent}%</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box mt={1}>
        <Typography variant="body2">
          Indicator ({slo.indicator.kind}
          {slo.indicator.threshold
            ? `, ${slo.indicator.threshold.op} ${slo.indicator.threshold.value}`
            : ''}
          ):
        </Typography>
        {queries.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {slo.indicatorRef
              ? `defined by the indicator ${slo.indicatorRef}`
              : 'no query'}
          </Typography>
        ) : (
          queries.map(([role, query]) => (
            <Typography
              key={role}
              variant="body2"
              component="pre"
              sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', m: 0 }}
            >
              {role}: <code>{query}</code>
            </Typography>
          ))
        )}
      </Box>
      <Stack direction="row" gap={2} mt={1}>
        {sourceLink ? (
          <Link to={sourceLink}>OpenSLO source</Link>
        ) : (
          slo.source && <span>OpenSLO source: {slo.source}</span>
        )}
        {runbookLink ? (
          <Link to={runbookLink}>Runbook</Link>
        ) : (
          slo.runbook && <span>Runbook: {slo.runbook}</span>
        )}
      </Stack>
    </Box>
  );
}

/** Each SLO: target, window, error budget, live state, burn-rate alerts, indicator and links. */
export function SloCard(props: {
  slos: Parsed<SloView>[];
  infraSource?: string;
  /** Live state from Prometheus through the infra backend, when available. */
  live?: SloCardLive;
}) {
  const { slos, infraSource, live } = props;
  return (
    <InfoCard title="Service level objectives">
      {slos.length === 0 && (
        <Typography variant="body2">
          No SLO in the catalog for this service. Add an OpenSLO document with{' '}
          <code>spec.service</code> set to this service.
        </Typography>
      )}
      {slos.map((slo, i) => (
        <Box key={slo.entityRef}>
          {i > 0 && <Divider sx={{ mb: 2 }} />}
          {slo.ok && (
            <Objective slo={slo.value} infraSource={infraSource} live={live} />
          )}
          <IssueList
            entityRef={slo.entityRef}
            issues={slo.issues}
            severity={slo.ok ? 'warning' : 'error'}
          />
        </Box>
      ))}
    </InfoCard>
  );
}
