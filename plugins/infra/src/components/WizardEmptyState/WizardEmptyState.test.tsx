import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { WIZARD_PATH } from '../../lib/frameworks';
import { WizardEmptyState } from './WizardEmptyState';

describe('WizardEmptyState', () => {
  it('says what is missing and links its button to the wizard', async () => {
    await renderInTestApp(
      <WizardEmptyState
        missing="data"
        title="Nothing here"
        description="Ask the wizard."
        action="Open the wizard"
      />,
    );
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
    expect(screen.getByText('Ask the wizard.')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Open the wizard' }),
    ).toHaveAttribute('href', WIZARD_PATH);
  });
});
