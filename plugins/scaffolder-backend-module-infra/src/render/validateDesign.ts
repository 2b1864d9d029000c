import { InputError } from '@backstage/errors';
import type { Design } from '@plinth/backstage-plugin-infra-common';
import { z } from 'zod';

/*
 * The render action takes a design from any caller, not only from our plan step,
 * so the fields that become file paths, entity names, YAML keys or PromQL are
 * checked again here. Everything else is plain data that the renderers only ever
 * write through a serialiser or an escaper.
 */
const id = (max: number) =>
  z.string().regex(new RegExp(`^[a-z][a-z0-9-]{0,${max - 1}}$`), {
    message: `must be a lower-case id of at most ${max} characters`,
  });
const duration = z.string().regex(/^[1-9][0-9]{0,3}[mhd]$/, {
  message: 'must be a duration such as 5m, 1h or 3d',
});
const finite = z.number().finite();

const designSchema = z
  .object({
    version: z.literal(1, {
      errorMap: () => ({ message: 'must be 1; re-run infra:design:plan' }),
    }),
    cloud: z.enum(['aws', 'gcp', 'azure']),
    service: z
      .object({
        name: id(40),
        owner: z.string().min(1),
        system: id(63).optional(),
        description: z.string().optional(),
        frameworks: z.array(
          z.enum(['soc2', 'iso27001', 'hipaa', 'pci-dss', 'gdpr']),
        ),
      })
      .passthrough(),
    environments: z
      .array(
        z
          .object({
            name: id(20),
            stage: z.enum(['development', 'staging', 'production']),
          })
          .passthrough(),
      )
      .min(1),
    slos: z.array(
      z
        .object({
          name: id(63),
          kind: z.enum(['availability', 'latency']),
          objectivePercent: finite.gt(0).lt(100),
          windowDays: z.number().int().min(1).max(365),
          latencyThresholdMs: finite.positive().optional(),
          environment: id(20),
          alerts: z.array(
            z
              .object({
                name: id(30),
                severity: z.enum(['page', 'ticket']),
                longWindow: duration,
                shortWindow: duration,
                factor: finite.positive(),
              })
              .passthrough(),
          ),
        })
        .passthrough(),
    ),
    iac: z
      .object({ ciProvider: z.enum(['github-actions', 'gitlab-ci']) })
      .passthrough(),
  })
  .passthrough();

/**
 * Checks that `value` is a version-1 design whose names are safe to use in
 * paths and expressions, or throws an InputError naming each bad field.
 */
export function assertDesign(value: unknown): asserts value is Design {
  const result = designSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map(
      issue => `design.${issue.path.join('.')}: ${issue.message}`,
    );
    throw new InputError(`Invalid design: ${problems.join('; ')}`);
  }
}
