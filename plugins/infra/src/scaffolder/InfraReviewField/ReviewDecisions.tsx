/*
 * The decisions, one collapsed group per workflow step. Each group's summary says what
 * Plinth decided there; opened, it lists those decisions with their reasons first, then
 * the answers as given, then the per-environment settings side by side (collapsed).
 */
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type {
  Decision,
  PlanResult,
} from '@plinth/backstage-plugin-infra-common';
import { EnvironmentHead } from './EnvironmentHead';
import { formatValue, plainReason } from './words';
import { StepGroup, groupDecisions, settingDecided } from './reviewModel';

function DecisionLine(props: { decision: Decision }) {
  const { decision } = props;
  return (
    <li>
      <strong>{decision.title}:</strong> {formatValue(decision.value)}
      <Typography variant="body2" color="text.secondary" component="span">
        {' - '}
        {plainReason(decision)}
      </Typography>
    </li>
  );
}

function PerEnvironment(props: { group: StepGroup; environments: string[] }) {
  const { group, environments } = props;
  const id = `review-step-${group.step}-environments`;
  return (
    <Accordion disableGutters variant="outlined" sx={{ mt: 1 }}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id={`${id}-header`}
        aria-controls={`${id}-content`}
      >
        <Typography variant="body2">
          Per environment: {group.perEnvironment.map(s => s.label).join(', ')}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id={`${id}-content`}>
        <Table size="small" aria-label={`${group.title}, per environment`}>
          <EnvironmentHead first="Setting" environments={environments} />
          <TableBody>
            {group.perEnvironment.map(setting => (
              <TableRow key={setting.label}>
                <TableCell component="th" scope="row">
                  {setting.label}
                </TableCell>
                {environments.map(e => {
                  const d = setting.byEnvironment[e];
                  return (
                    <TableCell key={e}>
                      {d ? formatValue(d.value) : '-'}
                      {d && (
                        <Typography
                          variant="caption"
                          color="text.secondary"
                          component="div"
                        >
                          {plainReason(d)}
                        </Typography>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </AccordionDetails>
    </Accordion>
  );
}

/** "Plinth decided 3, you answered 2: State backend ..., prod multi-AZ yes" */
function summaryOf(group: StepGroup, production?: string): string {
  const parts: string[] = [];
  const decidedSettings = group.perEnvironment.filter(settingDecided).length;
  const decided = group.decided.length + decidedSettings;
  if (decided > 0) parts.push(`Plinth decided ${decided}`);
  if (group.answered.length > 0) {
    parts.push(`you answered ${group.answered.length}`);
  }
  // Plinth's own values first; production's settings when the step has few others.
  const first = [
    ...group.decided.map(d => `${d.title} ${formatValue(d.value)}`),
    ...group.perEnvironment
      .filter(settingDecided)
      .map(s => ({
        s,
        d: production ? s.byEnvironment[production] : undefined,
      }))
      .filter(({ d }) => d && d.origin !== 'answered')
      .map(({ s, d }) => `${production} ${s.label} ${formatValue(d!.value)}`),
  ].slice(0, 3);
  return `${parts.join(', ')}${first.length ? `: ${first.join('; ')}` : ''}`;
}

export function ReviewDecisions(props: { plan: PlanResult }) {
  const groups = groupDecisions(props.plan);
  const environments = (props.plan.design.environments ?? []).map(e => e.name);
  const production = (props.plan.design.environments ?? []).find(
    e => e.stage === 'production',
  )?.name;
  return (
    <Box data-testid="review-decisions">
      <Typography variant="h6" component="h3">
        Decisions and why
      </Typography>
      {groups.map(group => {
        const id = `review-step-${group.step}`;
        return (
          <Accordion
            key={group.step}
            disableGutters
            data-testid="review-step"
            TransitionProps={{ unmountOnExit: true }}
          >
            <AccordionSummary
              expandIcon={<ExpandMoreIcon />}
              id={`${id}-header`}
              aria-controls={`${id}-content`}
              // The content may shrink, so that a long summary ends in an ellipsis.
              sx={{
                minHeight: 40,
                '& > div': { my: 1 },
                '& > div:first-of-type': { minWidth: 0, overflow: 'hidden' },
              }}
            >
              <Typography
                variant="subtitle2"
                component="span"
                sx={{ minWidth: 280, flexShrink: 0 }}
              >
                {group.step}. {group.title}
              </Typography>
              <Typography
                variant="body2"
                color="text.secondary"
                component="span"
                noWrap
                sx={{ minWidth: 0, flex: 1 }}
              >
                {summaryOf(group, production)}
              </Typography>
            </AccordionSummary>
            <AccordionDetails id={`${id}-content`}>
              {group.decided.length > 0 && (
                <>
                  <Typography variant="subtitle2" component="h4">
                    Decided by Plinth
                  </Typography>
                  <ul style={{ marginTop: 2 }}>
                    {group.decided.map(d => (
                      <DecisionLine key={d.id} decision={d} />
                    ))}
                  </ul>
                </>
              )}
              {group.answered.length > 0 && (
                <>
                  <Typography variant="subtitle2" component="h4">
                    Your answers
                  </Typography>
                  <Typography variant="body2">
                    {group.answered
                      .map(d => `${d.title}: ${formatValue(d.value)}`)
                      .join('; ')}
                  </Typography>
                </>
              )}
              {group.perEnvironment.length > 0 && (
                <PerEnvironment group={group} environments={environments} />
              )}
            </AccordionDetails>
          </Accordion>
        );
      })}
    </Box>
  );
}
