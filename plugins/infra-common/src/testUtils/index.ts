/**
 * Test fixtures shared by every Plinth package's tests, defined once:
 * `import { exampleAnswers } from '@plinth/backstage-plugin-infra-common/testUtils'`.
 *
 * @packageDocumentation
 */
export { exampleAnswers, withAnswers } from './answers';
