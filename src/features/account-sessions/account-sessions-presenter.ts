import type { TFunction } from 'i18next';
import { describeUserAgent } from '../../sessions/user-agent.ts';

type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  address?: string | null;
  current: boolean;
};

/** "Firefox on Windows" / "Firefox ar Windows", or as much of it as the browser told us. */
export function deviceName(userAgent: string | null, t: TFunction): string {
  const { browser, system } = describeUserAgent(userAgent);
  if (browser && system) return t('pages.account.sessions.device.both', { browser, system });
  if (browser) return t('pages.account.sessions.device.browserOnly', { browser });
  if (system) return t('pages.account.sessions.device.systemOnly', { system });
  return t('pages.account.sessions.device.unknown');
}

export function presentSessions(rows: SessionRow[], t: TFunction) {
  const sessions = rows.map((row) => ({
    id: row.id,
    device: deviceName(row.userAgent, t),
    address: row.address ?? null,
    startedAt: row.createdAt,
    lastActiveAt: row.lastSeenAt,
    current: row.current,
  }));
  return { sessions, others: sessions.filter((s) => !s.current).length };
}
