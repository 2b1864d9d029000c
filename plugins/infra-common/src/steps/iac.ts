/*
 * Step 3, infrastructure as code: the tool, the CI provider, the production approval and
 * the remote state backend, with one root per environment.
 */
import type { Answers } from '../answers/schema';
import { iacFor } from '../design/iac';
import type { IacDesign } from '../design/types';
import { ungatedProductionApply, unfamiliarTools } from '../design/warnings';
import { Defaults, StepResult, stepLog } from './record';

export function planIac(
  answers: Answers,
  defaults: Defaults,
): StepResult<{ iac: IacDesign }> {
  const log = stepLog(3, defaults);
  const { iac: asked, topology, constraints, service } = answers;
  log.answered('iac.tool', 'IaC tool', 'iac.tool', asked.tool);
  log.answered(
    'iac.ciProvider',
    'CI provider',
    'iac.ciProvider',
    asked.ciProvider,
  );
  log.answered(
    'iac.prodApproval',
    'Production applies approved by a person',
    'iac.prodApproval',
    asked.prodApproval,
  );
  log.warn(
    unfamiliarTools(
      constraints.teamSkills,
      asked.tool,
      topology.compute === 'kubernetes',
    ),
  );
  const iac = iacFor({
    tool: asked.tool,
    ciProvider: asked.ciProvider,
    prodApproval: asked.prodApproval,
    cloud: topology.cloud,
    service: service.name,
    primaryRegion: topology.primaryRegion,
    environments: answers.environments,
    hasDataTier: topology.database !== 'none' || topology.cache !== 'none',
  });
  log.decide('iac.stateBackend', 'State backend', {
    value: `${iac.stateBackend.kind}: ${iac.stateBackend.bucket}`,
    reason: `remote state in the ${topology.cloud} primary region, encrypted and locked, one key per environment`,
    origin: 'derived',
  });
  log.warn(ungatedProductionApply(asked.prodApproval));
  return log.result({ iac });
}
