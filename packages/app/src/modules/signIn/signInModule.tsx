/*
 * The sign-in page: GitHub when the backend runs the production auth environment
 * (app-config.production.yaml), the guest provider otherwise (app-config.yaml, a laptop).
 */
import { SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  createFrontendModule,
  githubAuthApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import {
  SignInPageBlueprint,
  type SignInPageProps,
} from '@backstage/plugin-app-react';

const github = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

export function PlinthSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const production =
    config.getOptionalString('auth.environment') === 'production';
  return (
    <SignInPage {...props} providers={production ? [github] : ['guest']} />
  );
}

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => PlinthSignInPage },
    }),
  ],
});
