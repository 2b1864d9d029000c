import { render, screen } from '@testing-library/react';
import { StatusLabel } from './StatusLabel';

describe('StatusLabel', () => {
  it.each([
    ['compliant', 'Compliant', 'CheckCircleOutlineIcon'],
    ['at-risk', 'At risk', 'WarningAmberIcon'],
    ['non-compliant', 'Non compliant', 'ErrorOutlineIcon'],
    ['unknown', 'Unknown', 'HelpOutlineIcon'],
  ] as const)(
    'shows %s in words and with its own icon',
    (status, words, icon) => {
      const { container } = render(
        <StatusLabel status={status} prefix="SOC 2" />,
      );
      expect(screen.getByText(`SOC 2: ${words}`)).toBeInTheDocument();
      expect(container.querySelector(`[data-testid="${icon}"]`)).not.toBeNull();
    },
  );
});
