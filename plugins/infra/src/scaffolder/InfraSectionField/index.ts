export { InfraSectionField, validateInfraSection } from './InfraSectionField';
