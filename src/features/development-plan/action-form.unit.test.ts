import { describe, expect, it } from 'vitest';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { EMPTY_ACTION_FORM, validateActionForm } from './action-form.ts';

// Who brokers the support an action asks (issue 15): the LA, or one of the school's collaboratives.
const form = (supportFrom: string, supportCollaborativeId = '') => ({
  ...EMPTY_ACTION_FORM,
  description: 'Coach teaching assistants',
  ownerUserId: 'outside',
  owner: 'Literacy lead',
  dueOn: dateToParts('2027-03-31'),
  supportFrom,
  supportCollaborativeId,
  supportDetail: supportFrom === 'none' ? '' : 'Phonics training',
});
const one = [{ id: 'c-1' }];
const two = [{ id: 'c-1' }, { id: 'c-2' }];
const broker = (r: ReturnType<typeof validateActionForm>) => (r.ok ? r.broker : r.errors);

describe('choosing who brokers an action’s support', () => {
  it('asks nobody for no support, and the LA (no collaborative) for the local authority', () => {
    expect(broker(validateActionForm(form('none', 'c-9'), [], two))).toBeNull();
    expect(broker(validateActionForm(form('la', 'c-1'), [], two))).toEqual({ collaborativeId: null });
  });

  it('takes a school’s only collaborative without asking, and the one chosen among several', () => {
    expect(broker(validateActionForm(form('collaborative'), [], one))).toEqual({ collaborativeId: 'c-1' });
    expect(broker(validateActionForm(form('collaborative', 'c-2'), [], two))).toEqual({ collaborativeId: 'c-2' });
  });

  it('refuses no choice among several, a collaborative not the school’s, and asking a collaborative with none', () => {
    expect(broker(validateActionForm(form('collaborative'), [], two))).toEqual({
      supportCollaborativeId: 'pages.planAction.errors.supportCollaborativeMissing',
    });
    expect(broker(validateActionForm(form('collaborative', 'c-9'), [], one))).toEqual({
      supportCollaborativeId: 'pages.planAction.errors.supportCollaborative',
    });
    expect(broker(validateActionForm(form('collaborative'), [], []))).toEqual({
      supportFrom: 'pages.planAction.errors.noCollaborative',
    });
  });
});
