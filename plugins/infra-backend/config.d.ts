export interface Config {
  infra?: {
    overview?: {
      /**
       * How long the overview's computed service summaries are served before
       * they are recomputed from the catalog. Default 30.
       */
      cacheTtlSeconds?: number;
    };
    evidence?: {
      /**
       * Read each environment's infrastructure code and check its controls there
       * (docs/user-guide-infrastructure.md). Default true.
       */
      enabled?: boolean;
      /** How often the code is checked for changes, in seconds. Default 300. */
      refreshSeconds?: number;
    };
  };
  plinth?: {
    /**
     * Where the live SLO data comes from: the Prometheus that evaluates the
     * recording rules Plinth generates. Without it the SLO card explains how to
     * connect one. See docs/user-guide-infrastructure.md.
     */
    prometheus?: {
      /** The default Prometheus, e.g. http://prometheus:9090 */
      baseUrl?: string;
      /**
       * Headers sent with every query, e.g. `Authorization: Bearer ${PROMETHEUS_TOKEN}`
       * (values from the environment through config substitution).
       * @deepVisibility secret
       */
      headers?: { [name: string]: string };
      /** Per-query timeout in milliseconds, at most 60000. Default 5000. */
      timeoutMs?: number;
      /** The instance serves demo data; the card labels its values as such. */
      demo?: boolean;
      /**
       * Other Prometheus servers (one per environment or cloud, say), by name. An SLO
       * or environment entity picks one with the `plinth.dev/prometheus` annotation.
       */
      instances?: {
        [name: string]: {
          baseUrl: string;
          /** @deepVisibility secret */
          headers?: { [name: string]: string };
          timeoutMs?: number;
          demo?: boolean;
        };
      };
    };
  };
}
