/*
 * The sections of the answers model: the top-level keys of its schema, in workflow order
 * (docs/answers.md). Read from the schema, so a new section cannot be forgotten here.
 */
import { answersObjectSchema } from './schema';

/**
 * A top-level section of the answers model, e.g. `service` or `topology`.
 *
 * @public
 */
export type AnswerSection = keyof typeof answersObjectSchema.shape;

/**
 * Every section of the answers model, in the schema's (workflow) order.
 *
 * @public
 */
export const ANSWER_SECTIONS: readonly AnswerSection[] = Object.freeze(
  Object.keys(answersObjectSchema.shape) as AnswerSection[],
);
