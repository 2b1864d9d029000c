import { ANSWER_SECTIONS } from '@plinth/backstage-plugin-infra-common';
import { answersFromFormData } from './answersFromFormData';

describe('answersFromFormData', () => {
  it('keeps every section of the answers model and nothing else', () => {
    const formData: Record<string, unknown> = {
      publish: { target: 'local' },
      review: 'planned',
    };
    for (const section of ANSWER_SECTIONS) {
      formData[section] = { answered: section };
    }

    expect(answersFromFormData(formData)).toEqual(
      Object.fromEntries(
        ANSWER_SECTIONS.map(section => [section, { answered: section }]),
      ),
    );
  });

  it('leaves out unanswered sections and the empty values the form leaves behind', () => {
    expect(
      answersFromFormData({
        service: { name: 'orders', description: '', system: null },
        environments: [{ name: 'prod', stage: 'production', region: '' }],
        topology: undefined,
      }),
    ).toEqual({
      service: { name: 'orders' },
      environments: [{ name: 'prod', stage: 'production' }],
    });
    expect(answersFromFormData()).toEqual({});
  });
});
