import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  exampleAnswers as shared,
  withAnswers,
} from '@plinth/backstage-plugin-infra-common/testUtils';
import { expectedPlanOutputs, outputsOf } from '../__testUtils__/actionOutputs';
import { createInfraDesignPlanAction } from './plan';

/** The shared example answers, as the JSON the action receives. */
const exampleAnswers = shared as unknown as JsonObject & typeof shared;

describe('infra:design:plan', () => {
  const action = createInfraDesignPlanAction();

  it('outputs the planned design, its warnings, the compliance preview and the cost', async () => {
    const ctx = createMockActionContext({
      input: { answers: exampleAnswers },
    });
    await action.handler(ctx);
    const outputs = outputsOf(ctx);
    // The action adds nothing to the domain's plan and drops nothing from it.
    expect(outputs).toEqual(expectedPlanOutputs(exampleAnswers));
    const { design } = outputs;
    expect(design.service).toMatchObject({
      name: 'payments-api',
      owner: 'group:default/payments',
      frameworks: ['pci-dss', 'soc2'],
    });
    expect(design.environments.map((e: { name: string }) => e.name)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
    const prod = design.environments[2];
    expect(prod).toMatchObject({
      stage: 'production',
      multiAz: true,
      regions: { primary: 'eu-west-1' },
      loadBalancer: { scheme: 'public', waf: true },
    });
    // PCI DSS 10.5.1 keeps audit logs for a year.
    expect(prod.auditLog.retentionDays).toBe(365);
    expect(design.slos.map((s: { name: string }) => s.name)).toEqual([
      'payments-api-availability',
      'payments-api-latency',
    ]);
    expect(outputs.compliance.frameworks).toHaveLength(2);
    expect(outputs.cost.environments).toHaveLength(3);
  });

  it('names each offending field by its dotted path', async () => {
    const ctx = createMockActionContext({
      input: {
        answers: withAnswers({
          service: { name: 'Bad Name' },
          topology: { primaryRegion: 'us-east-1' },
        }) as unknown as JsonObject,
      },
    });
    const failure = action.handler(ctx);
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    await expect(failure).rejects.toThrow(/service\.name: /);
    await expect(failure).rejects.toThrow(/topology\.primaryRegion: /);
    expect(ctx.output).not.toHaveBeenCalled();
  });
});
