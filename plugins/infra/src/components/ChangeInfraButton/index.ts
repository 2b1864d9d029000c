export { ChangeInfraButton, changeWizardUrl } from './ChangeInfraButton';
