import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person, withId } from '../../test/support/policy-table.ts';
import { questionCan, type QuestionThread } from './governor-question-policy.ts';
import type { SchoolContext } from './school-policy.ts';

const school: SchoolContext = {
  number: '6812308',
  name: 'Ysgol Bro Edern',
  laCode: '681',
  governingBodyId: 'GB6812308',
};
const shared = { openToGovernors: true };
const unshared = { openToGovernors: false };
const open: QuestionThread = { askedBy: 'asker', status: 'open' };
const answered: QuestionThread = { askedBy: 'asker', status: 'answered' };
const closed: QuestionThread = { askedBy: 'asker', status: 'closed' };

const governor = person(['governor', 'GB6812308']);
const asker = withId(person(['governor', 'GB6812308']), 'asker');
const chair = person(['chair_of_governors', 'GB6812308']);
const head = person(['headteacher', '6812308']);
const leader = person(['school_leader', '6812308']);
const practitioner = person(['practitioner', '6812308']);
// A headteacher who also sits on the governing body answers for the school.
const headGovernor = person(['headteacher', '6812308'], ['governor', 'GB6812308']);

const nothing = { read: false, ask: false, answer: false, reply: false, close: false };
const reader = { ...nothing, read: true };
const asking = { ...reader, ask: true };

const ROWS = [
  ['a governor, on an item shared with governors', governor, shared, null, asking],
  ['a governor, on an item not shared with governors', governor, unshared, null, nothing],
  ['a governor, following up an open thread', governor, shared, open, { ...asking, reply: true }],
  ['the governor who asked, on an answered thread', asker, shared, answered, { ...asking, reply: true, close: true }],
  ['the governor who asked, on a closed thread', asker, shared, closed, asking],
  ['the governor who asked, once the item is no longer shared', asker, unshared, open, nothing],
  ['the chair, on a thread another governor opened', chair, shared, open, { ...asking, reply: true }],
  ['a governor of another governing body', person(['governor', 'GB6812323']), shared, open, nothing],
  ['its headteacher, on an open thread', head, shared, open, { ...reader, answer: true, close: true }],
  [
    'its headteacher, on an item not shared with governors',
    head,
    unshared,
    open,
    { ...reader, answer: true, close: true },
  ],
  ['its headteacher, on a closed thread', head, shared, closed, reader],
  ['a school leader, on an answered thread', leader, shared, answered, { ...reader, answer: true, close: true }],
  ['a practitioner', practitioner, shared, open, reader],
  ['a headteacher who is also a governor', headGovernor, shared, open, { ...asking, answer: true, close: true }],
  ['the headteacher of another school', person(['headteacher', '6812323']), shared, open, nothing],
  ['an LA officer of its LA', person(['la_officer', '681']), shared, open, nothing],
  ['an improvement partner of its LA', person(['improvement_partner', '681']), shared, open, nothing],
  ['a WG official', person(['wg_official', null]), shared, open, nothing],
  ['nobody', null, shared, open, nothing],
] as const;

describe('who asks, reads, answers and closes a governors’ question', () => {
  it.each(ROWS)('%s', (_name, who, item, thread, expected) => {
    expect(questionCan(who, school, item, thread)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[4]))).toEqual([]);
  });
});
