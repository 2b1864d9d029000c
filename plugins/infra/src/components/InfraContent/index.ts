export { InfraContent, complianceOf } from './InfraContent';
export {
  EntityComplianceCard,
  EntityEnvironmentsCard,
  EntitySloCard,
} from './EntityCards';
