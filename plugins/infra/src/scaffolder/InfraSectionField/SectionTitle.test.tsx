import { render, screen } from '@testing-library/react';
import { NestedTitle, SectionTitle, itemTitle } from './InfraSectionField';

describe('section titles', () => {
  it('makes a section title a third-level heading under the template title (h2)', () => {
    render(<SectionTitle id="root_topology__title" title="Topology" />);
    const heading = screen.getByRole('heading', { name: 'Topology' });
    expect(heading.tagName).toBe('H3');
    expect(heading.parentElement).toHaveAttribute('id', 'root_topology__title');
  });

  it('makes titles inside a section fourth-level, array items named in words', () => {
    render(
      <NestedTitle id="root_environments_0__title" title="Environments-1" />,
    );
    expect(
      screen.getByRole('heading', { name: 'Environment 1', level: 4 }),
    ).toBeInTheDocument();
    expect(itemTitle('Autoscaling')).toBe('Autoscaling');
    expect(itemTitle('Secondary regions-2')).toBe('Secondary region 2');
  });
});
