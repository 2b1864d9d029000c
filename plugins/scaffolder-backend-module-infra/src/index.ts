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

// The generation record and the change planner, for the infra backend's change endpoints.
export { renderGeneratedRepository, type GeneratedFile } from './render';
export {
  ANSWERS_PATH,
  GENERATION_PATH,
  PLINTH_VERSION,
  contentHash,
  parseGenerationManifest,
} from './render/generation';
export {
  planChange,
  readGenerationRecord,
  type GenerationRecord,
  type RepositoryChange,
} from './render/generation/change';
