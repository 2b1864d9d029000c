/*
 * The cost estimate by component and environment, the total against the budget, and
 * the price list it comes from, so that a reviewer can check it.
 */
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CostEstimate } from '@plinth/backstage-plugin-infra-common';
import { EnvironmentHead } from './EnvironmentHead';
import { costRows } from './reviewModel';

export const usd = (amount: number) =>
  `$${Math.round(amount).toLocaleString('en-US')}`;

export function ReviewCost(props: { cost: CostEstimate }) {
  const { cost } = props;
  const environments = cost.environments.map(e => e.environment);
  const rows = costRows(cost);
  let verdict = ' (no budget given)';
  if (cost.monthlyBudgetUsd !== undefined) {
    verdict = ` against a budget of ${usd(cost.monthlyBudgetUsd)}: ${
      cost.withinBudget ? 'within budget' : 'over budget'
    }`;
  }
  return (
    <Box data-testid="review-cost">
      <Typography variant="h6" component="h3">
        Monthly cost estimate
      </Typography>
      <Typography variant="body1" fontWeight="bold">
        Total {usd(cost.totalMonthlyUsd)} per month{verdict}.
      </Typography>
      <Table size="small" aria-label="Monthly cost by component (USD)">
        <EnvironmentHead
          first="Component"
          environments={environments}
          align="right"
          last="Total"
        />
        <TableBody>
          {rows.map(r => (
            <TableRow key={r.component} data-testid="cost-row">
              <TableCell component="th" scope="row">
                {r.component}
              </TableCell>
              {environments.map(e => (
                <TableCell key={e} align="right">
                  {r.byEnvironment[e] === undefined
                    ? '-'
                    : usd(r.byEnvironment[e]!)}
                </TableCell>
              ))}
              <TableCell align="right">{usd(r.total)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row">
              <strong>Per month</strong>
            </TableCell>
            {cost.environments.map(e => (
              <TableCell key={e.environment} align="right">
                <strong>{usd(e.monthlyUsd)}</strong>
              </TableCell>
            ))}
            <TableCell align="right">
              <strong>{usd(cost.totalMonthlyUsd)}</strong>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography
        variant="body2"
        color="text.secondary"
        mt={0.5}
        data-testid="price-source"
      >
        Prices: {cost.priceSource}.
      </Typography>
    </Box>
  );
}
