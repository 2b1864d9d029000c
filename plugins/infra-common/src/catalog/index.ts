export * from './types';
export { formatIssue, formatIssues, formatPath } from './issues';
export { validateOpenSloSlo, type OpenSloSloSpec } from './openslo';
export { parseFrameworks, parseService } from './service';
export { isEnvironmentEntity, parseEnvironment } from './environment';
export { durationToDays, isSloEntity, parseSlo } from './slo';
export {
  ENVIRONMENT_FIELDS,
  SERVICE_FIELDS,
  SLO_FIELDS,
  allEnvironmentsQuery,
  allSlosQuery,
  environmentQueryForService,
  sloQueryForService,
  toQueryString,
  type CatalogQuery,
} from './queries';
