import { fireEvent, render, screen } from '@testing-library/react';
import { SloObjectiveField, validateSloObjective } from './SloObjectiveField';

function renderField(
  formData: number | undefined,
  window?: string,
  uiSchema: object = {},
) {
  const onChange = jest.fn();
  render(
    <SloObjectiveField
      {...({
        formData,
        onChange,
        schema: { title: 'Availability objective (%)', type: 'number' },
        uiSchema,
        rawErrors: [],
        idSchema: { $id: 'root_slos_availability' },
        formContext: { formData: { slos: { window } } },
      } as any)}
    />,
  );
  return onChange;
}

describe('SloObjectiveField', () => {
  it('shows the error budget in minutes over a 28-day window and its alerts', () => {
    renderField(99.95, '28d');
    expect(screen.getByTestId('slo-budget')).toHaveTextContent(
      'Error budget: 20.16 minutes per 28 days',
    );
    // 2% of a 28-day budget in one hour burns at 13.44x; 5% in six hours at 5.6x.
    expect(
      screen.getByText(/1h\/5m windows burn at 13.44x/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/6h\/30m windows burn at 5.6x/),
    ).toBeInTheDocument();
  });

  it('uses the classic 14.4x and 6x page factors over 30 days', () => {
    renderField(99.9, '30d');
    expect(screen.getByTestId('slo-budget')).toHaveTextContent(
      'Error budget: 43.2 minutes per 30 days',
    );
    expect(
      screen.getByText(/Page when 1h\/5m windows burn at 14.4x/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Page when 6h\/30m windows burn at 6x/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Ticket when 3d\/6h windows burn at 1x/),
    ).toBeInTheDocument();
  });

  it("says that slow requests spend a latency objective's budget", () => {
    renderField(99, '30d', { 'ui:options': { sloKind: 'latency' } });
    expect(screen.getByTestId('slo-budget')).toHaveTextContent(
      '(1% of requests may be slower than the threshold)',
    );
  });

  it('says that failed requests spend an availability budget', () => {
    renderField(99, '30d');
    expect(screen.getByTestId('slo-budget')).toHaveTextContent(
      '(1% of requests may fail)',
    );
  });

  it('leaves the browser no range of its own to enforce, so the form shows the error', () => {
    renderField(100, '30d');
    const input = screen.getByLabelText(/Availability objective/);
    expect(input).not.toHaveAttribute('max');
    expect(input).not.toHaveAttribute('min');
    expect(input).toHaveAttribute('step', 'any');
  });

  it('reports the typed objective as a number', () => {
    const onChange = renderField(undefined);
    expect(screen.getByText(/Enter an objective from 90/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Availability objective/), {
      target: { value: '99.5' },
    });
    expect(onChange).toHaveBeenCalledWith(99.5);
  });

  it('rejects objectives the planner would reject, with the reason', () => {
    const errors: string[] = [];
    const validation = { addError: (m: string) => errors.push(m) };
    validateSloObjective(100, validation);
    validateSloObjective(89, validation);
    validateSloObjective(99.99, validation);
    expect(errors).toEqual([
      'must be below 100 (percent); 100% leaves no error budget',
      'must be at least 90 (percent)',
    ]);
  });
});
