import { describe, expect, it } from 'vitest';
import { ENQUIRY_STATES, isFinal, mayMove, movesFor, stepIndex, TRANSITIONS } from './enquiry-states.ts';

describe('the peer-enquiry state machine', () => {
  it('goes forward one step at a time, each by the right person', () => {
    expect(mayMove(['convenor'], 'proposed', 'agreed')).toBe(true);
    expect(mayMove(['hostLeader'], 'proposed', 'agreed')).toBe(false);
    expect(mayMove(['hostLeader'], 'agreed', 'preparing')).toBe(true);
    expect(mayMove(['facilitator'], 'agreed', 'preparing')).toBe(false);
    expect(mayMove(['facilitator'], 'preparing', 'on_site')).toBe(true);
    expect(mayMove(['hostLeader'], 'preparing', 'on_site')).toBe(true);
    expect(mayMove(['facilitator'], 'on_site', 'making_sense')).toBe(true);
    expect(mayMove(['hostLeader'], 'on_site', 'making_sense')).toBe(false);
    expect(mayMove(['facilitator'], 'making_sense', 'report_drafted')).toBe(true);
    expect(mayMove(['hostLeader'], 'report_drafted', 'report_agreed')).toBe(false);
    expect(mayMove(['hostHeadteacher'], 'report_drafted', 'report_agreed')).toBe(true);
    expect(mayMove(['facilitator'], 'report_drafted', 'report_agreed')).toBe(false);
    expect(mayMove(['hostLeader'], 'report_agreed', 'follow_up')).toBe(true);
    expect(mayMove(['facilitator'], 'follow_up', 'closed')).toBe(true);
    expect(mayMove(['convenor'], 'follow_up', 'closed')).toBe(false);
  });

  it('never skips a step and never goes back, except a drafted report sent back by the host', () => {
    expect(mayMove(['hostHeadteacher', 'facilitator', 'convenor'], 'agreed', 'on_site')).toBe(false);
    expect(mayMove(['hostHeadteacher', 'facilitator', 'convenor'], 'making_sense', 'on_site')).toBe(false);
    expect(mayMove(['hostHeadteacher', 'facilitator', 'convenor'], 'closed', 'follow_up')).toBe(false);
    expect(mayMove(['hostLeader'], 'report_drafted', 'making_sense')).toBe(true);
    expect(mayMove(['facilitator'], 'report_drafted', 'making_sense')).toBe(false);
    for (const t of TRANSITIONS) {
      const forward = ENQUIRY_STATES.indexOf(t.to) === ENQUIRY_STATES.indexOf(t.from) + 1;
      expect(forward || (t.from === 'report_drafted' && t.to === 'making_sense')).toBe(true);
    }
  });

  it('lets the host headteacher or a convenor cancel before the end, and nothing leaves a final state', () => {
    expect(mayMove(['hostHeadteacher'], 'on_site', 'cancelled')).toBe(true);
    expect(mayMove(['convenor'], 'proposed', 'cancelled')).toBe(true);
    expect(mayMove(['hostLeader'], 'on_site', 'cancelled')).toBe(false);
    expect(mayMove(['facilitator'], 'on_site', 'cancelled')).toBe(false);
    expect(mayMove(['hostHeadteacher'], 'closed', 'cancelled')).toBe(false);
    expect(mayMove(['hostHeadteacher'], 'cancelled', 'cancelled')).toBe(false);
    for (const state of ['closed', 'cancelled']) {
      expect(isFinal(state)).toBe(true);
      expect(movesFor(['hostHeadteacher', 'facilitator', 'convenor'], state)).toEqual([]);
    }
  });

  it('lists the moves open to a person and where the state stands', () => {
    expect(movesFor(['hostHeadteacher'], 'report_drafted')).toEqual(['report_agreed', 'making_sense']);
    expect(movesFor(['facilitator'], 'report_drafted')).toEqual([]);
    expect(stepIndex('proposed')).toBe(0);
    expect(stepIndex('closed')).toBe(8);
    expect(stepIndex('cancelled')).toBe(-1);
  });
});
