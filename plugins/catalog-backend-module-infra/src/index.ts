/**
 * Plinth's catalog module: OpenSLO SLO entities, environments related to their
 * services, and validation of the catalog contract.
 *
 * @packageDocumentation
 */

export { catalogModuleInfra as default } from './module';
