/**
 * Test fixtures shared by every Plinth package's tests, defined once: the example answers
 * and catalog entities, `import { exampleAnswers, service } from
 * '@plinth/backstage-plugin-infra-common/testUtils'`.
 *
 * @packageDocumentation
 */
export { changeAnswers, exampleAnswers, withAnswers } from './answers';
export { environment, goodControls, prod, service, slo } from './entities';
