export interface Config {
  /** Plinth's settings that belong to no single Backstage plugin. */
  plinth?: {
    permissions?: {
      /**
       * The group whose members may edit templates under Plinth's permission policy
       * (packages/backend/src/permissions). Default `group:default/platform`.
       */
      platformGroup?: string;
    };
    /**
     * Lets a production backend (NODE_ENV=production) start with the guest sign-in
     * provider configured, which lets anyone in. Without it such a backend refuses to start.
     * Default false.
     */
    dangerouslyAllowGuestSignInInProduction?: boolean;
  };
}
