export interface Config {
  infra?: {
    overview?: {
      /**
       * How long the overview's computed service summaries are served before
       * they are recomputed from the catalog. Default 30.
       */
      cacheTtlSeconds?: number;
    };
  };
}
