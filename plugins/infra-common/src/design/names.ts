/*
 * The names Plinth gives things, written once. The service name becomes the catalog entity,
 * every cloud resource prefix and, with `-infra`, the repository; the template's
 * `service.name` pattern is tested to be this one (templates are YAML and cannot import).
 */

/**
 * Longest service name: 40, so that `<name>-infra` (46) still fits a repository name.
 *
 * @public
 */
export const SERVICE_NAME_MAX_LENGTH = 40;
/** @public */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;
export const SERVICE_NAME_MESSAGE =
  'must be 3-40 characters of lower-case letters, digits and dashes, starting with a letter and ending with a letter or digit';

/** The generated repository is named for the service, with this suffix. */
export const INFRA_REPOSITORY_SUFFIX = '-infra';
/** @public */
export const infraRepositoryName = (service: string) =>
  `${service}${INFRA_REPOSITORY_SUFFIX}`;

/**
 * A repository (and local folder) name: a service name, optionally with the `-infra`
 * suffix counted, so every name the schema accepts can be published.
 *
 * @public
 */
export const REPOSITORY_NAME_PATTERN = new RegExp(
  `^[a-z][a-z0-9-]{1,${
    SERVICE_NAME_MAX_LENGTH + INFRA_REPOSITORY_SUFFIX.length - 2
  }}[a-z0-9]$`,
);
/** @public */
export const REPOSITORY_NAME_MESSAGE = `must be 3-${
  SERVICE_NAME_MAX_LENGTH + INFRA_REPOSITORY_SUFFIX.length
} characters of lower-case letters, digits and dashes, such as payments-api-infra`;

export const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;
export const SYSTEM_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** kind:namespace/name, kind and namespace optional; strict so refs are safe to write anywhere. */
export const ENTITY_REF_PATTERN =
  /^([a-zA-Z][a-zA-Z0-9]*:)?([a-z0-9][a-z0-9-]{0,62}\/)?[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;
