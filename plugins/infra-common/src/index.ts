/**
 * The /infra domain shared by Plinth's packages: the answers model, the planner that
 * turns answers into an explained design, the SLO maths, the compliance frameworks and
 * their evaluator, the cost estimate, and the catalog contract.
 *
 * @packageDocumentation
 */

export * from './catalog';
export * from './answers';
export * from './design';
export * from './slo';
export * from './compliance';
export * from './plan';
export * from './overview';
export * from './permissions';
