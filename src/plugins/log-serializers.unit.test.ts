import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-serializers.ts';

describe('URLs in the request log', () => {
  it('masks set-password tokens and calendar feed tokens, keeping the rest of the address', () => {
    expect(redactUrl('/set-password/abc123_-XYZ')).toBe('/set-password/[redacted]');
    expect(redactUrl('/set-password/abc123?lang=cy')).toBe('/set-password/[redacted]?lang=cy');
    expect(redactUrl('/calendar/feed/f00d.ics')).toBe('/calendar/feed/[redacted]');
  });

  it('leaves other addresses alone', () => {
    for (const url of ['/schools/6812308/home', '/account/calendar', '/sign-in?next=/set-password/x'])
      expect(redactUrl(url)).toBe(url);
  });
});
