import {
  GUEST_IN_PRODUCTION_FLAG,
  guestInProductionProblem,
} from './guestGuard';

describe('guestInProductionProblem', () => {
  it('refuses guest sign-in in production, naming the flag', () => {
    expect(
      guestInProductionProblem({
        nodeEnv: 'production',
        guestConfigured: true,
        flag: false,
      }),
    ).toContain(GUEST_IN_PRODUCTION_FLAG);
  });

  it.each([
    ['development', true, false],
    ['production', false, false],
    ['production', true, true],
    [undefined, true, false],
  ])('lets NODE_ENV=%s, guest %s, flag %s start', (nodeEnv, guest, flag) => {
    expect(
      guestInProductionProblem({
        nodeEnv: nodeEnv as string | undefined,
        guestConfigured: guest as boolean,
        flag: flag as boolean,
      }),
    ).toBeUndefined();
  });
});
