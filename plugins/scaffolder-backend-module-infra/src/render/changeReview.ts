import type { Design } from '@plinth/backstage-plugin-infra-common';
import { mdText } from './markdown';

/**
 * How a change of this repository is made and reviewed, for the README and the TechDocs
 * index: the answers are stored, a change comes back as a pull request (or a local
 * branch), hand edits survive, and the plan on the pull request is the review.
 */
export function changeReviewSection(design: Design): string {
  const gitlab = design.iac.ciProvider === 'gitlab-ci';
  const planJobs = design.environments
    .map(env => `\`plan-${mdText(env.name)}\``)
    .join(', ');
  return `## Changing this infrastructure

Change the answers, not only the files: on the service's Infrastructure tab in the portal, **Change infrastructure** opens the wizard with the answers stored in \`.plinth/answers.yaml\`. Its review page shows the decisions, the monthly cost per environment and the compliance per framework that change, and the files that would be added, changed or removed. Plinth then proposes the regenerated files as a pull request to this repository (a local repository gets a branch \`plinth/change-<hash>\` with one commit).

Files edited by hand are kept: each generated file is merged three ways with the previous generation (\`.plinth/generation.json\` records the Plinth and design versions and a hash per file, so keep it as it is). An edit in a file the change does not touch stays as it is, edits on other lines are merged, and a file changed differently on both sides is listed as a conflict in the pull request and left as it is in the repository for the reviewer to resolve.

Review a change as any other: the ${
    gitlab ? 'pipeline of the merge request runs' : 'workflow runs'
  } ${planJobs} on the ${gitlab ? 'merge request' : 'pull request'}${
    gitlab ? '' : ' and posts each plan as a comment'
  }; read what each environment's plan adds, changes and destroys before approving. Nothing is applied until the change is merged into the default branch, and production only after its ${
    gitlab
      ? 'manual apply job is run by an approver'
      : 'required reviewers approve'
  }.
`;
}
