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
import { InfoCard, Link } from '@backstage/core-components';
import {
  CodeLocation,
  ComplianceReport,
  ControlEvidence,
  ControlResult,
  ControlStatus,
  FrameworkResult,
  ServiceCompliance,
} from '@plinth/backstage-plugin-infra-common';
import { StatusLabel } from '../StatusLabel';
import { sourcePageLink } from '../SourcePage';

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

/** Where an environment's code was read from, by environment name (entity name). */
type Sources = Map<
  string,
  { location: string; revision: string; readAt: string; entityRef: string }
>;

/**
 * A link to a line of a file: for a URL source (GitHub, GitLab...) the file on its host;
 * for a local folder, which a browser cannot open, the portal's source page, served by
 * the infra backend to those who may read the environment.
 */
export function fileLink(
  location: string,
  at: CodeLocation,
  environmentRef?: string,
): string | undefined {
  if (location.startsWith('file:')) {
    return environmentRef
      ? sourcePageLink(environmentRef, at.file, at.line)
      : undefined;
  }
  if (!location.startsWith('url:')) return undefined;
  const base = location.slice(4).replace('/tree/', '/blob/').replace(/\/$/, '');
  return `${base}/${at.file}#L${at.line}`;
}

function Evidence(props: { evidence: ControlEvidence; sources: Sources }) {
  const { evidence: e, sources } = props;
  const shown = e.value === null ? 'not declared' : String(e.value);
  if (e.source !== 'code') {
    return (
      <Typography
        variant="caption"
        component="div"
        data-testid="evidence"
        data-source="declared"
      >
        {e.environment}: {e.field} = {shown} (declared only)
      </Typography>
    );
  }
  const source = [...sources.entries()].find(
    ([name]) => name.endsWith(`-${e.environment}`) || name === e.environment,
  )?.[1];
  return (
    <Typography
      variant="caption"
      component="div"
      data-testid="evidence"
      data-source="code"
    >
      {e.environment}: {e.field} = {shown} in code
      {e.note ? ` (${e.note}: declared ${String(e.declaredValue)})` : ''}
      {(e.locations ?? []).slice(0, 3).map(at => {
        const href = source
          ? fileLink(source.location, at, source.entityRef)
          : undefined;
        const text = `${at.file}:${at.line}`;
        return (
          <Box
            component="span"
            key={`${at.file}:${at.line}:${at.found}`}
            display="block"
            pl={1}
          >
            {href ? (
              // Underlined: in a line of text a link must not rely on colour (axe).
              <Link to={href} underline="always" data-testid="evidence-link">
                {text}
              </Link>
            ) : (
              <code title={source?.location}>{text}</code>
            )}{' '}
            {at.found}
          </Box>
        );
      })}
    </Typography>
  );
}

function Control(props: { control: ControlResult; sources: Sources }) {
  const { control, sources } = props;
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
          <Box>
            <Typography variant="caption" component="div">
              Evidence:
            </Typography>
            {control.evidence.map(e => (
              <Evidence key={e.environment} evidence={e} sources={sources} />
            ))}
          </Box>
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
export function ComplianceCard(props: {
  report: ComplianceReport;
  /** The backend's view: where each environment's code was read from; absent: declared only. */
  evidence?: ServiceCompliance;
}) {
  const { report, evidence } = props;
  const sources: Sources = new Map();
  for (const env of evidence?.environments ?? []) {
    if (env.source)
      sources.set(env.entityRef.replace(/^[^/]*\//, ''), {
        ...env.source,
        entityRef: env.entityRef,
      });
  }
  const total = evidence?.environments.length ?? 0;
  const readAt = [...sources.values()].map(s => s.readAt).sort()[0];
  return (
    <InfoCard title="Compliance">
      {report.frameworks.length > 0 && (
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid="evidence-source"
          mb={1}
        >
          {sources.size > 0
            ? `Evidence from the code of ${sources.size} environment${
                sources.size === 1 ? '' : 's'
              } (${[
                ...new Set(
                  [...sources.values()].map(
                    s => `${s.location} at ${s.revision}`,
                  ),
                ),
              ].join(', ')}), read ${readAt}${
                total > sources.size
                  ? `; ${total - sources.size} declared only`
                  : ''
              }.`
            : 'Declared only: no infrastructure code was read for this service, so every control shows what its environments declare.'}
        </Typography>
      )}
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
            {fw.reason && (
              <Typography variant="body2" data-testid="framework-reason">
                Unknown: {fw.reason}
              </Typography>
            )}
            {evaluated(fw) && (
              <Typography variant="caption" color="text.secondary">
                {fw.counts.fail} failing, {fw.counts.unknown} without data,{' '}
                {fw.counts.pass} passing
              </Typography>
            )}
          </Stack>
          {fw.reason && (
            <Typography variant="body2" mt={1}>
              Production-only controls (backups, deletion protection, WAF...)
              cannot be checked without a production environment, so this
              framework is not reported as compliant.
            </Typography>
          )}
          {!evaluated(fw) && !fw.reason && (
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
                <Control key={c.controlId} control={c} sources={sources} />
              ))}
          </List>
        </Box>
      ))}
    </InfoCard>
  );
}
