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

// The generation record and the change preview, for the infra backend's change endpoints.
export { ANSWERS_PATH, GENERATION_PATH } from './render/generation/paths';
export {
  previewRepositoryChange,
  readChangeRecord,
  type ChangePreview,
  type ChangeRecord,
} from './render/generation/preview';
