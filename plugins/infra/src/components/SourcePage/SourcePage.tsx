/*
 * `/infra-source?entityRef=…&path=…&line=…`: one Terraform file of an environment's local
 * repository with line numbers, the evidence line marked and scrolled to. The evidence
 * links of the compliance card open it for repositories a browser cannot reach (the
 * embedded default's `file:` folders); URL repositories link to their host instead.
 */
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { infraApiRef } from '../../api';

/** Where the page is mounted (plugin.tsx). */
export const SOURCE_PAGE_PATH = '/infra-source';

/** The page's link to line `line` of `path` in the repository of environment `entityRef`. */
export function sourcePageLink(entityRef: string, path: string, line: number) {
  const params = new URLSearchParams({ entityRef, path, line: String(line) });
  return `${SOURCE_PAGE_PATH}?${params}#L${line}`;
}

export function SourcePage() {
  const [params] = useSearchParams();
  const entityRef = params.get('entityRef') ?? '';
  const path = params.get('path') ?? '';
  const line = Number(params.get('line') ?? 0);
  const infraApi = useApi(infraApiRef);
  const { value, loading, error } = useAsync(async () => {
    if (!infraApi.getSourceFile) throw new Error('No infra backend source API');
    return infraApi.getSourceFile(entityRef, path);
  }, [infraApi, entityRef, path]);

  useEffect(() => {
    if (value !== undefined && line > 0) {
      document.getElementById(`L${line}`)?.scrollIntoView({ block: 'center' });
    }
  }, [value, line]);

  return (
    <Box component="main" p={3}>
      <Typography variant="h5" component="h1">
        <code>{path}</code>
      </Typography>
      <Typography variant="body2" color="text.secondary" mb={2}>
        Infrastructure code of {entityRef}
        {line > 0 ? `, line ${line}` : ''}
      </Typography>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value !== undefined && (
        <Box
          component="pre"
          data-testid="source"
          sx={{ fontSize: 13, overflowX: 'auto', m: 0 }}
        >
          {value.split('\n').map((text, i) => (
            <Box
              component="div"
              key={i}
              id={`L${i + 1}`}
              data-testid={i + 1 === line ? 'source-line-marked' : undefined}
              sx={{
                bgcolor: i + 1 === line ? 'warning.light' : undefined,
              }}
            >
              <Box
                component="span"
                sx={{
                  display: 'inline-block',
                  width: '4em',
                  color: 'text.secondary',
                  userSelect: 'none',
                }}
              >
                {i + 1}
              </Box>
              {text}
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
