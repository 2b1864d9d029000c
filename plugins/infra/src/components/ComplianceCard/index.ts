export { ComplianceCard } from './ComplianceCard';
