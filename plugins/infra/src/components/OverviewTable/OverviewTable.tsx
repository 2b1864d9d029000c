import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import ErrorIcon from '@mui/icons-material/Error';
import LocalFireDepartmentIcon from '@mui/icons-material/LocalFireDepartment';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  OverviewSort,
  ServiceSummary,
} from '@plinth/backstage-plugin-infra-common';
import { formatIssues } from '@plinth/backstage-plugin-infra-common';
import { formatBudget, formatTarget } from '../../lib/csv';
import { frameworkName } from '../../lib/frameworks';
import { StatusLabel } from '../StatusLabel';

const shortRef = (ref?: string) => ref?.replace(/^[a-z]+:(default\/)?/, '');

export interface OverviewTableProps {
  rows: ServiceSummary[];
  sort: OverviewSort;
  order: 'asc' | 'desc';
  onSort: (sort: OverviewSort) => void;
}

/*
 * Dense layout: below MUI's xl breakpoint (1536 px, so a 1440 px laptop screen) the
 * System column is hidden and the system is shown under the owner instead, cells are
 * padded by 8 px instead of 16, and the SLO chips wrap their text, so that the table
 * fits without a horizontal scroll (e2e/overview.spec.ts measures it at 1440 x 900).
 */
const WIDE_ONLY = { display: { xs: 'none', xl: 'table-cell' } } as const;
const DENSE_ONLY = { display: { xs: 'block', xl: 'none' } } as const;
// element selectors: the app prefixes MUI's class names (v5-), so `.MuiTableCell-root` misses
const DENSE_CELLS = {
  '& th, & td': { px: { xs: 1, xl: 2 } },
} as const;

function SortableHeader(props: {
  label: string;
  column: OverviewSort;
  sort: OverviewSort;
  order: 'asc' | 'desc';
  onSort: (sort: OverviewSort) => void;
  wideOnly?: boolean;
}) {
  const { label, column, sort, order, onSort, wideOnly } = props;
  return (
    <TableCell
      sortDirection={sort === column ? order : false}
      sx={{ whiteSpace: 'nowrap', ...(wideOnly ? WIDE_ONLY : {}) }}
    >
      <TableSortLabel
        active={sort === column}
        direction={sort === column ? order : 'asc'}
        onClick={() => onSort(column)}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
}

/** The worst remaining budget of a service's SLOs, in words and an icon when spent. */
function BudgetCell(props: { row: ServiceSummary }) {
  const budget = props.row.live?.budgetRemaining;
  if (budget === undefined) {
    return (
      <Typography variant="body2" color="text.secondary">
        no data
      </Typography>
    );
  }
  const spent = budget <= 0;
  return (
    <Typography
      variant="body2"
      color={spent ? 'error' : undefined}
      data-budget={budget}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {spent && (
        <ErrorIcon
          fontSize="inherit"
          aria-hidden
          sx={{ verticalAlign: 'middle', mr: 0.5 }}
        />
      )}
      {formatBudget(budget)}
    </Typography>
  );
}

function BurningCell(props: { row: ServiceSummary }) {
  if (!props.row.live) return null;
  return props.row.live.burning ? (
    <Typography variant="body2" color="error" sx={{ whiteSpace: 'nowrap' }}>
      <LocalFireDepartmentIcon
        fontSize="inherit"
        aria-hidden
        sx={{ verticalAlign: 'middle', mr: 0.5 }}
      />
      Burning
    </Typography>
  ) : (
    <Typography variant="body2" color="text.secondary">
      No
    </Typography>
  );
}

/**
 * One row per service: its SLO targets, the live budget of its worst SLO and
 * whether one burns now, environments and compliance per framework.
 */
export function OverviewTable(props: OverviewTableProps) {
  const { rows, sort, order, onSort } = props;
  const entityLink = useEntityRefLink();
  const header = { sort, order, onSort };
  return (
    <Table size="small" aria-label="Services" sx={DENSE_CELLS}>
      <TableHead>
        <TableRow>
          <SortableHeader label="Service" column="name" {...header} />
          <SortableHeader label="Owner" column="owner" {...header} />
          <SortableHeader label="System" column="system" wideOnly {...header} />
          <TableCell sx={{ whiteSpace: 'nowrap' }}>SLO targets</TableCell>
          <SortableHeader label="Budget left" column="budget" {...header} />
          <SortableHeader label="Burning now" column="burning" {...header} />
          <SortableHeader
            label="Environments"
            column="environments"
            {...header}
          />
          <SortableHeader label="Compliance" column="failures" {...header} />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.ref} data-testid="overview-row">
            <TableCell sx={{ minWidth: 140 }}>
              <Link to={entityLink(row.ref)}>{row.title ?? row.name}</Link>
              {row.issues.length > 0 && (
                <Typography
                  variant="caption"
                  color="error"
                  component="div"
                  title={formatIssues(row.issues, '\n')}
                >
                  <ReportProblemOutlined
                    fontSize="inherit"
                    aria-hidden
                    sx={{ verticalAlign: 'middle', mr: 0.5 }}
                  />
                  {row.issues.length === 1
                    ? '1 data problem'
                    : `${row.issues.length} data problems`}
                </Typography>
              )}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {shortRef(row.owner) ?? '-'}
              {row.system && (
                <Typography
                  variant="caption"
                  color="text.secondary"
                  component="div"
                  sx={DENSE_ONLY}
                >
                  System: {shortRef(row.system)}
                </Typography>
              )}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap', ...WIDE_ONLY }}>
              {shortRef(row.system) ?? '-'}
            </TableCell>
            <TableCell sx={{ maxWidth: { xs: 240, xl: 'none' } }}>
              {row.slos.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  none
                </Typography>
              ) : (
                <Stack direction="row" gap={0.5} flexWrap="wrap">
                  {row.slos.map(slo => (
                    <Chip
                      key={slo.ref}
                      size="small"
                      sx={{ height: 'auto', maxWidth: '100%' }}
                      label={
                        // wraps inside the chip's label, which would cut it short
                        <Box component="span" sx={{ whiteSpace: 'normal' }}>
                          {`${slo.displayName ?? slo.name}: ${formatTarget(
                            slo.target,
                          )} / ${slo.windowDays}d`}
                        </Box>
                      }
                    />
                  ))}
                </Stack>
              )}
            </TableCell>
            <TableCell>
              <BudgetCell row={row} />
            </TableCell>
            <TableCell>
              <BurningCell row={row} />
            </TableCell>
            <TableCell>{row.environmentCount}</TableCell>
            <TableCell>
              {row.frameworks.length === 0 ? (
                <StatusLabel status="unknown" prefix="No frameworks" />
              ) : (
                <Box display="flex" gap={0.5} flexWrap="wrap">
                  {row.frameworks.map(fw => (
                    <StatusLabel
                      key={fw.id}
                      status={fw.status}
                      prefix={frameworkName(fw.id)}
                    />
                  ))}
                </Box>
              )}
              {row.complianceReason && (
                <Typography
                  variant="caption"
                  component="div"
                  data-testid="compliance-reason"
                >
                  Unknown: {row.complianceReason}
                </Typography>
              )}
              {row.frameworks.length > 0 && row.evidence && (
                <Typography
                  variant="caption"
                  color="text.secondary"
                  component="div"
                  data-testid="evidence-summary"
                >
                  {row.evidence.code > 0
                    ? `From code: ${row.evidence.code} environment${
                        row.evidence.code === 1 ? '' : 's'
                      }${
                        row.evidence.declaredOnly > 0
                          ? `, ${row.evidence.declaredOnly} declared only`
                          : ''
                      }`
                    : 'Declared only'}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
