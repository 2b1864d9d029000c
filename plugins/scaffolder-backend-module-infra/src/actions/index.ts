export { createInfraDesignPlanAction } from './plan';
export { createInfraRepositoryRenderAction } from './render';
export { createInfraPublishLocalAction } from './publishLocal';
export { createInfraCatalogRegisterLocalAction } from './registerLocal';
export { createInfraChangeLocalAction } from './changeLocal';
export { createInfraServiceAssertNewAction } from './assertNew';
export { createInfraChangePrepareAction } from './changePrepare';
