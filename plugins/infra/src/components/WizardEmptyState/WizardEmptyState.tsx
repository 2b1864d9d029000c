import { EmptyState, LinkButton } from '@backstage/core-components';
import { WIZARD_PATH } from '../../lib/frameworks';

/** An empty state whose way out is the infrastructure wizard. */
export function WizardEmptyState(props: {
  missing: 'info' | 'data';
  title: string;
  description: string;
  /** The words of the button that opens the wizard. */
  action: string;
}) {
  return (
    <EmptyState
      missing={props.missing}
      title={props.title}
      description={props.description}
      action={
        <LinkButton to={WIZARD_PATH} variant="contained" color="primary">
          {props.action}
        </LinkButton>
      }
    />
  );
}
