import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TablePagination from '@mui/material/TablePagination';
import TextField from '@mui/material/TextField';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Download from '@mui/icons-material/Download';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { infraApiRef } from '../../api';
import type {
  ComplianceStatus,
  OverviewPage as OverviewPageData,
  OverviewSort,
  ServiceSummary,
} from '@plinth/backstage-plugin-infra-common';
import { overviewCsv } from '../../lib/csv';
import { frameworkName } from '../../lib/frameworks';
import { OverviewTable } from '../OverviewTable';
import { statusLabel } from '../StatusLabel';
import { WizardEmptyState } from '../WizardEmptyState';
import {
  FilterKey,
  OverviewViewState,
  PAGE_SIZES,
  overviewQueryOf,
  readOverviewState,
  writeOverviewState,
} from './overviewState';

const STATUSES: ComplianceStatus[] = [
  'non-compliant',
  'at-risk',
  'unknown',
  'compliant',
];
const EXPORT_PAGE_SIZE = 500;

/** `group:default/payments` -> `payments`, as the table shows it. */
const nameOf = (ref: string) => ref.replace(/^[a-z]+:(default\/)?/i, '');

/** The filters above the table, in order; each reads its options from the facets. */
const FILTERS: Array<{
  key: FilterKey;
  label: string;
  options: (facets: OverviewPageData['facets']) => Array<{
    value: string;
    label: string;
  }>;
}> = [
  {
    key: 'owner',
    label: 'Owner',
    options: f => f.owners.map(o => ({ value: o, label: nameOf(o) })),
  },
  {
    key: 'system',
    label: 'System',
    options: f => f.systems.map(s => ({ value: s, label: nameOf(s) })),
  },
  {
    key: 'framework',
    label: 'Framework',
    options: f =>
      f.frameworks.map(v => ({ value: v, label: frameworkName(v) })),
  },
  {
    key: 'status',
    label: 'Status',
    options: () => STATUSES.map(v => ({ value: v, label: statusLabel(v) })),
  },
];

/** Waits until the user stops typing before searching. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

function FilterSelect(props: {
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value?: string) => void;
}) {
  const { label, value, options, onChange } = props;
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
      sx={{ minWidth: 160 }}
    >
      <MenuItem value="">
        <em>All</em>
      </MenuItem>
      {options.map(o => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Every service with its SLO targets, environments and compliance, filtered,
 * sorted and paged by the infra backend so it stays fast across the catalog.
 * The page is the document's main landmark: the app's page header and sidebar around
 * it are not, so without it screen-reader users have no way to jump to the content.
 */
export function OverviewPage() {
  return (
    <Box component="main">
      <Overview />
    </Box>
  );
}

function Overview() {
  const infraApi = useApi(infraApiRef);
  // The view lives in the URL: a reload or a shared link shows the same rows.
  const [params, setParams] = useSearchParams();
  const view = readOverviewState(params);
  const { filters, sort, order, page, pageSize } = view;
  const update = useCallback(
    (patch: Partial<OverviewViewState>) =>
      setParams(
        current =>
          writeOverviewState({ ...readOverviewState(current), ...patch }),
        { replace: true },
      ),
    [setParams],
  );
  const [search, setSearch] = useState(view.q);
  const q = useDebounced(search.trim(), 300);
  useEffect(() => {
    if (q !== view.q.trim()) update({ q, page: 0 });
    // Only a change of the typed search writes the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  const [exporting, setExporting] = useState<Error | boolean>(false);

  const queryKey = JSON.stringify(overviewQueryOf(view));
  const { value, loading, error } = useAsync(
    () => infraApi.getOverview(JSON.parse(queryKey)),
    [infraApi, queryKey],
  );
  // keep showing the last rows while the next ones load
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (value) setShown(value);
  }, [value]);

  const setFilter = useCallback(
    (key: FilterKey, v?: string) =>
      update({ filters: { ...filters, [key]: v }, page: 0 }),
    [update, filters],
  );
  const onSort = useCallback(
    (column: OverviewSort) => {
      if (column === sort) {
        update({ order: order === 'asc' ? 'desc' : 'asc', page: 0 });
      } else {
        update({ sort: column, order: 'asc', page: 0 });
      }
    },
    [sort, order, update],
  );

  const exportCsv = useCallback(async () => {
    setExporting(true);
    try {
      const rows: ServiceSummary[] = [];
      let frameworks: string[] = [];
      for (let p = 1; ; p++) {
        const result = await infraApi.getOverview({
          ...JSON.parse(queryKey),
          page: p,
          pageSize: EXPORT_PAGE_SIZE,
        });
        rows.push(...result.items);
        frameworks = result.facets.frameworks;
        if (rows.length >= result.total || result.items.length === 0) break;
      }
      download('infrastructure-overview.csv', overviewCsv(rows, frameworks));
      setExporting(false);
    } catch (e) {
      setExporting(e as Error);
    }
  }, [infraApi, queryKey]);

  if (!shown && loading) {
    return <Progress />;
  }
  if (error && !shown) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!shown) {
    return null;
  }
  const filtering =
    Object.values(filters).some(Boolean) || !!view.q || view.outOfBudget;
  if (shown.total === 0 && !filtering) {
    return (
      <WizardEmptyState
        missing="data"
        title="No services yet"
        description="The overview lists every Component of type service. Request infrastructure for a service with the wizard, or register a service's catalog-info.yaml."
        action="Open the infrastructure wizard"
      />
    );
  }

  return (
    <Box p={3}>
      <Stack direction="row" gap={2} flexWrap="wrap" alignItems="center" mb={2}>
        <TextField
          size="small"
          label="Search"
          placeholder="Name, owner or system"
          value={search}
          onChange={e => setSearch(e.target.value)}
        />
        {FILTERS.map(f => (
          <FilterSelect
            key={f.key}
            label={f.label}
            value={filters[f.key]}
            options={f.options(shown.facets)}
            onChange={v => setFilter(f.key, v)}
          />
        ))}
        {shown.live?.configured && (
          <FormControlLabel
            label="Only out of budget"
            control={
              <Switch
                checked={view.outOfBudget}
                onChange={e =>
                  update({ outOfBudget: e.target.checked, page: 0 })
                }
              />
            }
          />
        )}
        <Box flexGrow={1} />
        <Button
          variant="outlined"
          startIcon={<Download />}
          onClick={exportCsv}
          disabled={exporting === true || shown.total === 0}
        >
          {exporting === true ? 'Exporting...' : `Export CSV (${shown.total})`}
        </Button>
      </Stack>
      {exporting instanceof Error && <ResponseErrorPanel error={exporting} />}
      {error && <ResponseErrorPanel error={error} />}
      <Paper variant="outlined">
        <Box height={4}>{loading && <LinearProgress />}</Box>
        {shown.total === 0 ? (
          <EmptyState
            missing="data"
            title="No services match"
            description="Clear a filter or the search to see more services."
          />
        ) : (
          <OverviewTable
            rows={shown.items}
            sort={sort}
            order={order}
            onSort={onSort}
          />
        )}
        <TablePagination
          component="div"
          count={shown.total}
          page={Math.min(
            page,
            Math.max(0, Math.ceil(shown.total / pageSize) - 1),
          )}
          rowsPerPage={pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_e, p) => update({ page: p })}
          onRowsPerPageChange={e =>
            update({ pageSize: Number(e.target.value), page: 0 })
          }
        />
      </Paper>
    </Box>
  );
}
