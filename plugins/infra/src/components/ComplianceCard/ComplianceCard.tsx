import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import HelpOutline from '@mui/icons-material/HelpOutline';
import RemoveCircleOutline from '@mui/icons-material/RemoveCircleOutline';
import { InfoCard } from '@backstage/core-components';
import {
  ComplianceReport,
  ControlResult,
  ControlStatus,
  FrameworkResult,
} from '@plinth/backstage-plugin-infra-common';
import { StatusLabel } from '../StatusLabel';

const CONTROL_STATUS: Record<
  ControlStatus,
  { label: string; Icon: typeof HelpOutline; color: string }
> = {
  fail: { label: 'Fails', Icon: CancelOutlined, color: 'error.main' },
  unknown: { label: 'No data', Icon: HelpOutline, color: 'text.secondary' },
  pass: { label: 'Passes', Icon: CheckCircleOutline, color: 'success.main' },
  'not-applicable': {
    label: 'Not applicable',
    Icon: RemoveCircleOutline,
    color: 'text.disabled',
  },
};

function Control(props: { control: ControlResult }) {
  const { control } = props;
  const { label, Icon, color } = CONTROL_STATUS[control.status];
  return (
    <ListItem
      disableGutters
      alignItems="flex-start"
      data-testid="control"
      data-status={control.status}
      sx={{ display: 'block' }}
    >
      <Stack direction="row" gap={1} alignItems="center">
        <Icon fontSize="small" sx={{ color }} aria-hidden />
        <Typography variant="body2">
          <strong>{label}</strong>: {control.title}
          {control.severity === 'recommended' ? ' (recommended)' : ''}
        </Typography>
      </Stack>
      <Box pl={3.5}>
        <Typography variant="caption" color="text.secondary" component="div">
          Requirements: {control.requirementIds.join(', ')}
        </Typography>
        {control.evidence.length > 0 && (
          <Typography variant="caption" component="div">
            Evidence:{' '}
            {control.evidence
              .map(
                e =>
                  `${e.environment}: ${e.field} = ${
                    e.value === null ? 'not declared' : String(e.value)
                  }`,
              )
              .join('; ')}
          </Typography>
        )}
        {control.fixHint && (
          <Typography variant="caption" component="div">
            Fix: {control.fixHint}
          </Typography>
        )}
      </Box>
    </ListItem>
  );
}

/** False when no control applied to any environment: nothing was checked at all. */
const evaluated = (fw: FrameworkResult) =>
  fw.counts.fail + fw.counts.unknown + fw.counts.pass > 0;

/**
 * Per framework the evaluator's status in words and an icon, then its controls:
 * failing first, with evidence, fix hint and requirement ids.
 */
export function ComplianceCard(props: { report: ComplianceReport }) {
  const { report } = props;
  return (
    <InfoCard title="Compliance">
      {report.frameworks.length === 0 && (
        <Typography variant="body2">
          This service names no compliance framework. Add the annotation{' '}
          <code>plinth.dev/compliance-frameworks</code> (for example{' '}
          <code>soc2,gdpr</code>).
        </Typography>
      )}
      {report.frameworks.map((fw, i) => (
        <Box key={fw.framework} data-testid="framework" mb={2}>
          {i > 0 && <Divider sx={{ mb: 2 }} />}
          <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
            <Typography variant="subtitle1" component="h3">
              {fw.name}
            </Typography>
            <StatusLabel status={fw.status} />
            {evaluated(fw) && (
              <Typography variant="caption" color="text.secondary">
                {fw.counts.fail} failing, {fw.counts.unknown} without data,{' '}
                {fw.counts.pass} passing
              </Typography>
            )}
          </Stack>
          {!evaluated(fw) && (
            <Typography variant="body2" mt={1}>
              No environment declares its controls yet, so none of this
              framework's controls can be checked. Add a Resource of type{' '}
              <code>environment</code> with{' '}
              <code>spec.environment.controls</code> that is a{' '}
              <code>dependencyOf</code> this service (see the catalog contract,{' '}
              <code>docs/catalog-contract.md</code>).
            </Typography>
          )}
          <List dense>
            {fw.controls
              .filter(c => c.status !== 'not-applicable')
              .map(c => (
                <Control key={c.controlId} control={c} />
              ))}
          </List>
        </Box>
      ))}
    </InfoCard>
  );
}
