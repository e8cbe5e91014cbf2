// A leader's consent to count the school's SLO results in wider pictures (issue 18, part 5): per
// survey, per audience, given and withdrawn on the survey's page, each change audited like the
// school's other sharing (DOMAIN.md section 7, rule 2). Only a closed survey can be shared, so what
// others count is final; what they count is the dimension figures only (slo-picture.ts).
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../../audit/audit-repository.ts';
import { schoolCollaboratives } from '../../../directory/directory-repository.ts';
import type { SchoolCan, SchoolContext } from '../../../policy/school-policy.ts';
import type { Survey } from '../survey-repository.ts';
import * as repo from './share-repository.ts';

/** What the form asks for: the LA and/or Wales, and any of the school's collaboratives. */
export type SharingChoice = { la: boolean; national: boolean; collaboratives: string[] };
export type SharingOutcome = 'changed' | 'unchanged' | 'forbidden' | 'not-closed' | 'bad-request';

const keyOf = (s: { audience: string; audienceId: string }) => `${s.audience}|${s.audienceId}`;

/** Sets the survey's consents to exactly the choice: adds what is new, withdraws what was unticked. */
export async function setSloSharing(
  db: Db,
  actorId: string,
  school: SchoolContext,
  can: SchoolCan,
  survey: Survey,
  choice: SharingChoice,
  now: Date,
): Promise<SharingOutcome> {
  if (survey.kind !== 'slo' || survey.schoolNumber !== school.number) return 'bad-request';
  if (survey.state !== 'closed') return 'not-closed';
  const mine = new Set((await schoolCollaboratives(db, school.number)).map((c) => c.id));
  if (choice.collaboratives.some((id) => !mine.has(id))) return 'bad-request';
  const wanted = [
    ...(choice.la ? [{ audience: 'la', audienceId: '' }] : []),
    ...(choice.national ? [{ audience: 'national', audienceId: '' }] : []),
    ...[...new Set(choice.collaboratives)].map((id) => ({ audience: 'collaborative', audienceId: id })),
  ];
  return db.transaction(async (tx) => {
    const current = await repo.sharesOf(tx, survey.id);
    const have = new Set(current.map(keyOf));
    const want = new Set(wanted.map(keyOf));
    const adds = wanted.filter((w) => !have.has(keyOf(w)));
    const removes = current.filter((c) => !want.has(keyOf(c)));
    if ((adds.length && !can.widenSharing) || (removes.length && !can.narrowSharing)) return 'forbidden';
    for (const a of adds) {
      if (
        !(await repo.insertShare(tx, {
          ...a,
          surveyId: survey.id,
          schoolNumber: school.number,
          sharedBy: actorId,
          sharedAt: now,
        }))
      )
        continue;
      await appendAudit(tx, {
        actorId,
        action: 'survey-share-add',
        entityType: 'survey',
        entityId: survey.id,
        after: { audience: a.audience, audienceId: a.audienceId, academicYear: survey.academicYear },
      });
    }
    for (const r of removes) {
      if (!(await repo.deleteShare(tx, { surveyId: survey.id, audience: r.audience, audienceId: r.audienceId })))
        continue;
      await appendAudit(tx, {
        actorId,
        action: 'survey-share-remove',
        entityType: 'survey',
        entityId: survey.id,
        before: { audience: r.audience, audienceId: r.audienceId, academicYear: survey.academicYear },
      });
    }
    return adds.length || removes.length ? 'changed' : 'unchanged';
  });
}

/** The survey's sharing panel: each audience the school may choose, ticked when consented. */
export async function sharingPanel(db: Db, school: SchoolContext, survey: Survey, lang: 'en' | 'cy') {
  const [shares, collaboratives] = await Promise.all([
    repo.sharesOf(db, survey.id),
    schoolCollaboratives(db, school.number),
  ]);
  const has = (audience: string, id = '') => shares.some((s) => s.audience === audience && s.audienceId === id);
  return {
    la: has('la'),
    national: has('national'),
    hasLa: !!school.laCode,
    collaboratives: collaboratives.map((c) => ({
      id: c.id,
      name: lang === 'cy' ? c.nameCy : c.nameEn,
      shared: has('collaborative', c.id),
    })),
    any: shares.length > 0,
  };
}
