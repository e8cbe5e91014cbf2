import type { Db } from '../../db/client.ts';
import { formatDate } from '../../lib/dates.ts';
import type { Language } from '../../plugins/i18n.ts';
import { supportOfActions, type ActionSupportRow } from './action-support-repository.ts';

/** What an action shows of its request: status, broker, the match once agreed, and a link when the reader may follow it. */
export type ActionSupportView = {
  requestId: string;
  status: string;
  brokerCollaborativeId: string | null;
  /** The collaborative's name; null when the school's LA brokers. */
  broker: string | null;
  supportingSchool: string | null;
  what: string | null;
  whatLanguage: string | null;
  when: string;
  link: string | null;
};

function present(row: ActionSupportRow, lang: Language, link: string | null): ActionSupportView {
  return {
    requestId: row.requestId,
    status: row.status,
    brokerCollaborativeId: row.brokerCollaborativeId,
    broker: row.brokerEn ? (lang === 'cy' ? row.brokerCy : row.brokerEn) : null,
    supportingSchool: row.supportingSchoolName,
    what: row.what,
    whatLanguage: row.whatLanguage,
    when: [row.startsOn, row.endsOn]
      .filter(Boolean)
      .map((d) => formatDate(d!, lang))
      .join(' – '),
    link,
  };
}

/**
 * Each action's request, by action id. `canOpenSupport`: whether the reader may open the school's
 * support page (its staff), where the request is listed; nobody else is given the link.
 */
export async function supportByAction(
  db: Db,
  actionIds: string[],
  options: { lang: Language; schoolNumber: string; canOpenSupport: boolean },
): Promise<Map<string, ActionSupportView>> {
  const rows = await supportOfActions(db, actionIds);
  const link = (r: ActionSupportRow) =>
    options.canOpenSupport ? `/schools/${options.schoolNumber}/support#request-${r.requestId}` : null;
  return new Map(rows.map((r) => [r.actionId, present(r, options.lang, link(r))]));
}

/** Priorities ready for the page with each action's request beside it. */
export function withSupport<P extends { actions: { id: string }[] }>(
  priorities: P[],
  support: Map<string, ActionSupportView>,
) {
  return priorities.map((p) => ({
    ...p,
    actions: p.actions.map((a) => ({ ...a, support: support.get(a.id) ?? null })),
  }));
}
