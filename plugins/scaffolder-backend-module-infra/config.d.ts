export interface Config {
  /** Plinth's settings that belong to no single Backstage plugin. */
  plinth?: {
    publish?: {
      /**
       * The folder where the `infra:publish:local` action creates one git repository per
       * service, and where `infra:catalog:register-local` reads their catalog-info.yaml.
       * Relative paths are relative to the backend process. Unset: both actions fail with
       * a message naming this key (publish to a source-control host instead).
       */
      localDirectory?: string;
    };
  };
  /*
   * The action also reads scaffolder.defaultCommitMessage and
   * scaffolder.defaultAuthor.{name,email}, declared by @backstage/plugin-scaffolder-backend.
   */
}
