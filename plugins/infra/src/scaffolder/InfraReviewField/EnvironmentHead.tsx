import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';

/** The header of a review table: what its rows are, a column per environment, then `last`. */
export function EnvironmentHead(props: {
  first: string;
  environments: string[];
  align?: 'right';
  last?: string;
}) {
  const { first, environments, align, last } = props;
  return (
    <TableHead>
      <TableRow>
        <TableCell component="th" scope="col">
          {first}
        </TableCell>
        {environments.map(e => (
          <TableCell key={e} align={align} component="th" scope="col">
            {e}
          </TableCell>
        ))}
        {last && (
          <TableCell align={align} component="th" scope="col">
            {last}
          </TableCell>
        )}
      </TableRow>
    </TableHead>
  );
}
