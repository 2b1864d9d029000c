export { createInfraDesignPlanAction } from './plan';
export { createInfraRepositoryRenderAction } from './render';
