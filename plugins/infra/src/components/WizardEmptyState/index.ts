export { WizardEmptyState } from './WizardEmptyState';
