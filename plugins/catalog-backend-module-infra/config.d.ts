export interface Config {
  /** Plinth's settings that belong to no single Backstage plugin. */
  plinth?: {
    catalog?: {
      /**
       * How long an SLO's or environment's service must have been missing from the catalog
       * before the entity gets a processing error for it. An entity and its service often
       * arrive in one file and are processed in any order; default 60 seconds.
       */
      missingServiceGraceSeconds?: number;
    };
  };
}
