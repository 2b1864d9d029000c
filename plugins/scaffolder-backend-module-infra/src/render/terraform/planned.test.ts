import { parse } from '@cdktf/hcl2json';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import { renderTerraform } from './index';

/** Answer sets as a user of the wizard gives them; the planner derives the design. */
function answers(cloud: 'aws' | 'gcp', primaryRegion: string) {
  return {
    service: {
      name: 'payments-api',
      owner: 'group:default/payments',
      description: 'Card "payments" ${var.x} %{ if true }',
    },
    workload: {
      type: 'http-api',
      trafficPattern: 'diurnal',
      peakRps: 1200,
      dataClassification: 'restricted',
      dataKinds: ['cardholder'],
      storageGb: 200,
      stateful: true,
    },
    slos: {
      availability: 99.95,
      latencyP99Ms: 300,
      latencyTarget: 99,
      window: '28d',
    },
    constraints: {
      complianceFrameworks: ['pci-dss', 'soc2'],
      dataResidency: 'eu',
    },
    environments: [
      { name: 'dev', stage: 'development' },
      { name: 'staging', stage: 'staging' },
      { name: 'prod', stage: 'production' },
    ],
    topology: {
      cloud,
      primaryRegion,
      publicIngress: true,
      compute: 'kubernetes',
      database: 'postgres',
      cache: 'redis',
    },
    iac: {
      tool: 'terraform',
      ciProvider: 'github-actions',
      prodApproval: true,
    },
    security: { tlsMinVersion: '1.2', waf: true },
    operations: { monitoring: 'prometheus', alertRouting: 'pagerduty' },
    improvement: {
      costReviewCadence: 'monthly',
      sloReviewCadence: 'quarterly',
      budgetAlertPercents: [50, 80, 100],
    },
  };
}

describe('renderTerraform on planned designs', () => {
  it.each([
    ['aws', 'eu-west-1'],
    ['gcp', 'europe-west1'],
  ] as const)(
    "renders a %s design from planDesign that HashiCorp's parser accepts",
    async (cloud, region) => {
      const parsed = parseAnswers(answers(cloud, region));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const { design } = planDesign(parsed.answers, {
        defaults: parsed.defaults,
      });
      const files = renderTerraform(design);
      expect(files.some(f => f.path === 'terraform/envs/prod/main.tf')).toBe(
        true,
      );
      for (const file of files) {
        await expect(parse(file.path, file.content)).resolves.toBeDefined();
      }
    },
  );
});
