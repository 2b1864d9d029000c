import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard, Link } from '@backstage/core-components';
import {
  DeclaredControls,
  EnvironmentView,
  STAGES,
} from '@plinth/backstage-plugin-infra-common';
import { infraSourceLink, Parsed } from '../../hooks/useServiceInfra';
import { IssueList } from '../IssueList';

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

/** The controls a reader checks first, in words. */
function keyControls(c: DeclaredControls): string[] {
  const out: string[] = [];
  if (c.encryptionAtRest) out.push(`Encryption at rest: ${c.encryptionAtRest}`);
  if (c.tlsMinVersion) out.push(`TLS ${c.tlsMinVersion}+`);
  if (c.auditLogging !== undefined)
    out.push(
      c.auditLogging
        ? `Audit logs ${c.auditLogRetentionDays ?? '?'} d`
        : 'No audit logs',
    );
  if (c.backups !== undefined)
    out.push(
      c.backups ? `Backups ${c.backupRetentionDays ?? '?'} d` : 'No backups',
    );
  if (c.dataResidency) out.push(`Residency: ${c.dataResidency}`);
  if (c.privateDataTier === false) out.push('Public data tier');
  if (c.waf) out.push('WAF');
  return out;
}

const stageOrder = (env: Parsed<EnvironmentView>) =>
  env.ok ? STAGES.indexOf(env.value.stage) : -1;

/** A matrix of the service's environments with their topology and key controls. */
export function EnvironmentsCard(props: {
  environments: Parsed<EnvironmentView>[];
  infraSource?: string;
}) {
  const { infraSource } = props;
  const environments = [...props.environments].sort(
    (a, b) => stageOrder(a) - stageOrder(b),
  );
  const good = environments.filter(
    (e): e is Extract<Parsed<EnvironmentView>, { ok: true }> => e.ok,
  );
  const docsLink = infraSourceLink(infraSource, 'docs');
  return (
    <InfoCard title="Environments">
      {environments.length === 0 && (
        <Typography variant="body2">
          No environment in the catalog for this service. Add a Resource of type{' '}
          <code>environment</code> with <code>spec.dependencyOf</code> naming
          this service.
        </Typography>
      )}
      {good.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table
            size="small"
            aria-label="Environments"
            // Only names stay on one line: at 1440 px a table of unbroken cells was
            // 100 px wider than its card and hid the key-controls chips.
            sx={{ '& td:first-of-type': { whiteSpace: 'nowrap' } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>Environment</TableCell>
                <TableCell>Stage</TableCell>
                <TableCell>Cloud</TableCell>
                <TableCell>Regions</TableCell>
                <TableCell>Multi-AZ</TableCell>
                <TableCell>Multi-region</TableCell>
                <TableCell>DR pattern</TableCell>
                <TableCell>Key controls</TableCell>
                <TableCell>Links</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {good.map(({ entityRef, value: env }) => {
                const iac = infraSourceLink(infraSource, env.iacPath);
                return (
                  <TableRow key={entityRef} data-testid="environment-row">
                    <TableCell>{env.environmentName}</TableCell>
                    <TableCell>{env.stage}</TableCell>
                    <TableCell>{env.cloud}</TableCell>
                    <TableCell>{env.regions.join(', ')}</TableCell>
                    <TableCell>{yesNo(env.multiAz)}</TableCell>
                    <TableCell>{yesNo(env.multiRegion)}</TableCell>
                    <TableCell>{env.drPattern ?? 'not declared'}</TableCell>
                    <TableCell>
                      <Stack direction="row" gap={0.5} flexWrap="wrap">
                        {keyControls(env.controls).map(c => (
                          <Chip key={c} size="small" label={c} />
                        ))}
                      </Stack>
                    </TableCell>
                    <TableCell>
                      <Stack gap={0.5}>
                        {iac ? (
                          <Link to={iac}>IaC folder</Link>
                        ) : (
                          env.iacPath && <span>{env.iacPath}</span>
                        )}
                        {docsLink && <Link to={docsLink}>Docs</Link>}
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
      <Stack gap={1} mt={good.length ? 2 : 0}>
        {environments.map(env => (
          <IssueList
            key={env.entityRef}
            entityRef={env.entityRef}
            issues={env.issues}
            severity={env.ok ? 'warning' : 'error'}
          />
        ))}
      </Stack>
    </InfoCard>
  );
}
