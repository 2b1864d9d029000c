import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { ContractIssue } from '@plinth/backstage-plugin-infra-common';

/**
 * What is wrong with an entity's Plinth data and where: one line per problem,
 * with the dotted path of the field.
 */
export function IssueList(props: {
  entityRef: string;
  issues: ContractIssue[];
  severity?: 'error' | 'warning';
}) {
  const { entityRef, issues, severity = 'error' } = props;
  if (issues.length === 0) {
    return null;
  }
  return (
    <Alert severity={severity} role="alert">
      <AlertTitle>
        {entityRef}:{' '}
        {severity === 'error' ? 'cannot be read' : 'read with problems'}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {issues.map(issue => (
          <li key={`${issue.path}:${issue.message}`}>
            <code>{issue.path || '(entity)'}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
