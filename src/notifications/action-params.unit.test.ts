import { describe, expect, it } from 'vitest';
import { actionParams, shortenAction } from './action-params.ts';
import { messageTitle } from './message-params.ts';

describe('an action’s message params', () => {
  it('keeps a short description whole and cuts a long one at a word, with an ellipsis', () => {
    expect(shortenAction('Run phonics catch-up sessions')).toBe('Run phonics catch-up sessions');
    const long = `${'word '.repeat(30)}end`;
    const cut = shortenAction(long);
    expect(cut.length).toBeLessThanOrEqual(101);
    expect(cut).toMatch(/word…$/);
  });

  it('names a collaborative in Welsh when it has a Welsh name', () => {
    expect(actionParams('meeting', 'Share the maths plan', { en: 'Taff Cluster', cy: 'Clwstwr Taf' })).toEqual({
      action: 'Share the maths plan',
      place: 'Taff Cluster',
      placeCy: 'Clwstwr Taf',
    });
  });

  it('never carries a concern support item’s words, only its kind and school', () => {
    const params = actionParams('concern', 'Secret intervention text', {
      en: 'Ysgol y Dderwen',
      cy: 'Ysgol y Dderwen',
    });
    expect(JSON.stringify(params)).not.toContain('Secret');
    const t = (key: string, p: Record<string, string>) => `${key} ${JSON.stringify(p)}`;
    expect(messageTitle(t, 'cy', 'action_assigned', params)).toContain('myActions.kinds.concern');
  });
});
