/**
 * Plinth's scaffolder actions: plan an infrastructure design from the /infra
 * wizard's answers and render it as a repository.
 *
 * @packageDocumentation
 */

export { scaffolderModule as default } from './module';
export {
  createInfraDesignPlanAction,
  createInfraRepositoryRenderAction,
} from './actions';
