import { render, screen } from '@testing-library/react';
import Table from '@mui/material/Table';
import { EnvironmentHead } from './EnvironmentHead';

describe('EnvironmentHead', () => {
  it('heads the rows, then a column per environment, then the last column', () => {
    render(
      <Table>
        <EnvironmentHead
          first="Component"
          environments={['dev', 'prod']}
          align="right"
          last="Total"
        />
      </Table>,
    );
    expect(
      screen.getAllByRole('columnheader').map(cell => cell.textContent),
    ).toEqual(['Component', 'dev', 'prod', 'Total']);
  });

  it('has no last column unless asked', () => {
    render(
      <Table>
        <EnvironmentHead first="Setting" environments={['dev']} />
      </Table>,
    );
    expect(
      screen.getAllByRole('columnheader').map(cell => cell.textContent),
    ).toEqual(['Setting', 'dev']);
  });
});
