export {
  SloObjectiveField,
  SloBudgetSummary,
  validateSloObjective,
} from './SloObjectiveField';
