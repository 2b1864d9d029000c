/*
 * The review of a change to an existing service: what the new answers add, alter and
 * drop in the design (with why), the monthly cost per environment before and after,
 * each framework's status before and after, and the files the change touches, the
 * ones edited by hand that it will not overwrite listed apart.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  ComplianceChange,
  DecisionChange,
} from '@plinth/backstage-plugin-infra-common';
import type { ChangePreview } from '../../api';
import { statusLabel } from '../../components/StatusLabel/StatusLabel';
import { frameworkName } from '../../lib/frameworks';
import { usd } from './ReviewCost';
import { formatValue } from './words';

const signed = (delta: number) =>
  `${delta < 0 ? '-' : '+'}${usd(Math.abs(delta))}`;

function DecisionList(props: {
  title: string;
  changes: DecisionChange[];
  describe: (c: DecisionChange) => string;
}) {
  if (props.changes.length === 0) return null;
  return (
    <Box data-testid={`change-decisions-${props.title.toLowerCase()}`}>
      <Typography variant="subtitle2" component="h4">
        {props.title} ({props.changes.length})
      </Typography>
      <ul style={{ marginTop: 2 }}>
        {props.changes.map(c => (
          <li key={c.id}>
            <Typography variant="body2">
              <strong>{c.title}</strong>: {props.describe(c)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Why: {c.reason}
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}

function Decisions({ preview }: { preview: ChangePreview }) {
  const { added, changed, removed } = preview.decisions;
  const none = added.length + changed.length + removed.length === 0;
  return (
    <Box data-testid="change-decisions">
      <Typography variant="h6" component="h3">
        Decisions that change
      </Typography>
      {none && (
        <Typography variant="body2">
          The design keeps every decision as it is.
        </Typography>
      )}
      <DecisionList
        title="Added"
        changes={added}
        describe={c => formatValue(c.after!)}
      />
      <DecisionList
        title="Changed"
        changes={changed}
        describe={c => `${formatValue(c.before!)} → ${formatValue(c.after!)}`}
      />
      <DecisionList
        title="Removed"
        changes={removed}
        describe={c => `was ${formatValue(c.before!)}`}
      />
    </Box>
  );
}

function Cost({ preview }: { preview: ChangePreview }) {
  const total = preview.cost.reduce((sum, c) => sum + c.delta, 0);
  return (
    <Box data-testid="change-cost">
      <Typography variant="h6" component="h3">
        Monthly cost, before and after
      </Typography>
      <Table
        size="small"
        aria-label="Monthly cost per environment, before and after (USD)"
      >
        <TableHead>
          <TableRow>
            {['Environment', 'Before', 'After', 'Change'].map((h, i) => (
              <TableCell
                key={h}
                component="th"
                scope="col"
                align={i ? 'right' : 'left'}
              >
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.cost.map(c => (
            <TableRow key={c.environment} data-testid="change-cost-row">
              <TableCell component="th" scope="row">
                {c.environment}
                {c.before === null && ' (new)'}
                {c.after === null && ' (removed)'}
              </TableCell>
              <TableCell align="right">
                {c.before === null ? '-' : usd(c.before)}
              </TableCell>
              <TableCell align="right">
                {c.after === null ? '-' : usd(c.after)}
              </TableCell>
              <TableCell align="right">{signed(c.delta)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row" colSpan={3}>
              <strong>Per month</strong>
            </TableCell>
            <TableCell align="right">
              <strong>{signed(total)}</strong>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
}

function complianceWords(state: ComplianceChange['before']): string {
  if (!state) return 'not chosen';
  return `${statusLabel(state.status)} (${state.pass} met, ${
    state.fail
  } not met, ${state.unknown} unknown)`;
}

function Compliance({ preview }: { preview: ChangePreview }) {
  return (
    <Box data-testid="change-compliance">
      <Typography variant="h6" component="h3">
        Compliance, before and after
      </Typography>
      {preview.compliance.length === 0 && (
        <Typography variant="body2">No compliance framework chosen.</Typography>
      )}
      <ul style={{ marginTop: 2 }}>
        {preview.compliance.map(c => (
          <li key={c.framework} data-testid="change-framework">
            <Typography variant="body2">
              <strong>{frameworkName(c.framework)}</strong>:{' '}
              {complianceWords(c.before)} → {complianceWords(c.after)}
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}

function FileList(props: { title: string; files: string[]; id: string }) {
  if (props.files.length === 0) return null;
  return (
    <Box data-testid={`change-files-${props.id}`}>
      <Typography variant="subtitle2" component="h4">
        {props.title} ({props.files.length})
      </Typography>
      <ul style={{ marginTop: 2 }}>
        {props.files.map(f => (
          <li key={f}>
            <code>{f}</code>
          </li>
        ))}
      </ul>
    </Box>
  );
}

function Files({ preview }: { preview: ChangePreview }) {
  const { added, changed, removed, conflicts } = preview.files;
  return (
    <Box data-testid="change-files">
      <Typography variant="h6" component="h3">
        Files in the repository
      </Typography>
      {conflicts.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {conflicts.length} file{conflicts.length > 1 ? 's were' : ' was'}{' '}
          edited by hand where the change also writes: left as{' '}
          {conflicts.length > 1 ? 'they are' : 'it is'} and listed on the branch
          for a reviewer to merge.
        </Alert>
      )}
      <FileList
        title="Conflicting (edited by hand)"
        files={conflicts}
        id="conflicts"
      />
      <FileList title="Added" files={added} id="added" />
      <FileList title="Changed" files={changed} id="changed" />
      <FileList title="Removed" files={removed} id="removed" />
    </Box>
  );
}

export function ReviewChanges(props: { preview: ChangePreview }) {
  const { preview } = props;
  return (
    <Box data-testid="change-review" mb={3}>
      <Typography variant="h5" component="h3" mb={1}>
        What this change does
      </Typography>
      <Grid container spacing={3}>
        <Grid item xs={12} lg={7}>
          <Decisions preview={preview} />
        </Grid>
        <Grid item xs={12} lg={5}>
          <Cost preview={preview} />
          <Box mt={2}>
            <Compliance preview={preview} />
          </Box>
        </Grid>
        <Grid item xs={12}>
          <Files preview={preview} />
        </Grid>
      </Grid>
    </Box>
  );
}
