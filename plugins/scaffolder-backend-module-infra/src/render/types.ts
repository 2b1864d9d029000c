/**
 * One file of the generated infrastructure repository, by its path inside the workspace.
 *
 * @public
 */
export interface GeneratedFile {
  /** POSIX path relative to the repository root, e.g. `terraform/envs/prod/main.tf` */
  path: string;
  content: string;
}
