import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import { infraApiRef } from '../../api';
import { frameworkName } from '../../lib/frameworks';
import { StatusLabel } from '../StatusLabel';

const ROLLUP_SIZE = 50;

/**
 * On a System or a Group: its services, failures first, with their compliance
 * per framework. One request to the overview endpoint, filtered by the entity.
 */
export function RollupCard() {
  const { entity } = useEntity();
  const infraApi = useApi(infraApiRef);
  const entityLink = useEntityRefLink();
  const ref = stringifyEntityRef(entity);
  const byGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  const { value, loading, error } = useAsync(
    () =>
      infraApi.getOverview({
        ...(byGroup ? { owner: ref } : { system: ref }),
        sort: 'failures',
        pageSize: ROLLUP_SIZE,
      }),
    [infraApi, ref, byGroup],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const counts = (value?.items ?? []).reduce<Record<string, number>>(
    (acc, row) => ({ ...acc, [row.status]: (acc[row.status] ?? 0) + 1 }),
    {},
  );
  return (
    <InfoCard
      title="Infrastructure of its services"
      deepLink={{ title: 'All services', link: '/infra' }}
    >
      {!value || value.total === 0 ? (
        <Typography variant="body2">
          No services {byGroup ? 'owned by this group' : 'in this system'}.
        </Typography>
      ) : (
        <>
          <Typography variant="body2">
            {value.total} service{value.total === 1 ? '' : 's'}:{' '}
            {counts['non-compliant'] ?? 0} non compliant,{' '}
            {counts['at-risk'] ?? 0} at risk, {counts.unknown ?? 0} unknown,{' '}
            {counts.compliant ?? 0} compliant
            {value.total > ROLLUP_SIZE ? ` (first ${ROLLUP_SIZE} shown)` : ''}
          </Typography>
          <List dense>
            {value.items.map(row => (
              <ListItem key={row.ref} disableGutters data-testid="rollup-row">
                <Stack
                  direction="row"
                  gap={1}
                  flexWrap="wrap"
                  alignItems="center"
                >
                  <Link to={entityLink(row.ref)}>{row.title ?? row.name}</Link>
                  {row.frameworks.length === 0 ? (
                    <StatusLabel status="unknown" prefix="No frameworks" />
                  ) : (
                    row.frameworks.map(fw => (
                      <StatusLabel
                        key={fw.id}
                        status={fw.status}
                        prefix={frameworkName(fw.id)}
                      />
                    ))
                  )}
                  {row.issues.length > 0 && (
                    <Typography variant="caption" color="error">
                      {row.issues.length} data problem
                      {row.issues.length === 1 ? '' : 's'}
                    </Typography>
                  )}
                </Stack>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </InfoCard>
  );
}
