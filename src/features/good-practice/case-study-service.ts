import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { searchKey } from '../../lib/search-text.ts';
import { learnerFlags, type TextFlag } from '../meetings/learner-check.ts';
import { validateCaseStudyForm, type CaseStudyForm } from './case-study-form.ts';
import { findCaseStudy } from '../../sharing/good-practice-repository.ts';
import * as repo from './case-study-repository.ts';

export type Owner = { schoolNumber: string | null; laCode: string | null; names: string[] };
export type SaveResult =
  | { ok: true; caseStudy: repo.CaseStudy }
  | { ok: false; reason: 'invalid'; errors: Record<string, string>; flags: TextFlag[] }
  | { ok: false; reason: 'conflict'; current: repo.CaseStudy };

/** What search matches: the words of every field and the publisher's name, without accents. */
export const searchTextOf = (
  form: Pick<CaseStudyForm, 'title' | 'summary' | 'whatWeDid' | 'learners' | 'impact'>,
  ownerNames: string[],
) => searchKey([form.title, form.summary, form.whatWeDid, form.learners, form.impact, ...ownerNames].join(' '));

/** Validation plus the learner-data prompt (DOMAIN.md section 7, rule 5): a flag not confirmed stops the save. */
function check(form: CaseStudyForm, nationalCodes: string[], owner: Owner, saved: string) {
  const errors = validateCaseStudyForm(form, nationalCodes);
  const flags = learnerFlags(
    { summary: form.summary, whatWeDid: form.whatWeDid, learners: form.learners, impact: form.impact },
    owner.names,
    saved,
  );
  if (flags.length && !form.learnerDataChecked) errors.learnerDataChecked = 'goodPractice.errors.learnerData';
  return { errors, flags };
}

const valuesOf = (form: CaseStudyForm, owner: Owner, language: string): repo.CaseStudyValues => ({
  title: form.title,
  summary: form.summary,
  whatWeDid: form.whatWeDid,
  learners: form.learners,
  impact: form.impact,
  nifThemes: form.nifThemes,
  nationalPriorities: form.nationalPriorities,
  areas: form.areas,
  searchText: searchTextOf(form, owner.names),
  language,
});
const snapshot = (cs: repo.CaseStudyValues & { status?: string }) => ({
  title: cs.title,
  summary: cs.summary,
  whatWeDid: cs.whatWeDid,
  learners: cs.learners,
  impact: cs.impact,
  nifThemes: cs.nifThemes,
  nationalPriorities: cs.nationalPriorities,
  areas: cs.areas,
  status: cs.status,
});

export async function createCaseStudy(
  db: Db,
  actorId: string,
  owner: Owner,
  form: CaseStudyForm,
  nationalCodes: string[],
  language: string,
): Promise<SaveResult> {
  const { errors, flags } = check(form, nationalCodes, owner, '');
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors, flags };
  return db.transaction(async (tx) => {
    const caseStudy = await repo.insertCaseStudy(tx, {
      ...valuesOf(form, owner, language),
      schoolNumber: owner.schoolNumber,
      laCode: owner.schoolNumber ? null : owner.laCode,
      createdBy: actorId,
    });
    await appendAudit(tx, {
      actorId,
      action: 'case-study-create',
      entityType: 'case_study',
      entityId: caseStudy.id,
      after: {
        school: owner.schoolNumber,
        la: owner.laCode,
        ...snapshot(caseStudy),
        learnerDataConfirmed: flags.map((f) => f.reason),
      },
    });
    return { ok: true as const, caseStudy };
  });
}

export async function updateCaseStudy(
  db: Db,
  actorId: string,
  owner: Owner,
  before: repo.CaseStudy,
  version: number,
  form: CaseStudyForm,
  nationalCodes: string[],
  language: string,
): Promise<SaveResult> {
  const saved = [before.summary, before.whatWeDid, before.learners, before.impact].join('\n');
  const { errors, flags } = check(form, nationalCodes, owner, saved);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors, flags };
  return db.transaction(async (tx) => {
    // Search keeps finding it by its other-language version too (issue 16), which this form leaves as it is.
    const other = Object.values(before.otherLanguage);
    const values = valuesOf(form, owner, language);
    if (other.length) values.searchText = searchTextOf(form, [...owner.names, ...other]);
    const updated = await repo.updateCaseStudy(tx, before.id, version, values);
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await findCaseStudy(tx, before.id))!.caseStudy,
      };
    await appendAudit(tx, {
      actorId,
      action: 'case-study-update',
      entityType: 'case_study',
      entityId: before.id,
      before: snapshot(before),
      after: { ...snapshot(updated), learnerDataConfirmed: flags.map((f) => f.reason) },
    });
    return { ok: true as const, caseStudy: updated };
  });
}

/** Publishing (or taking back) is the headteacher's or officer's act: audited, version-checked. */
export async function setPublished(
  db: Db,
  actorId: string,
  before: repo.CaseStudy,
  version: number,
  publish: boolean,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const updated = await repo.updateCaseStudy(tx, before.id, version, {
      status: publish ? 'published' : 'draft',
      publishedAt: publish ? now : null,
    });
    if (!updated) return null;
    await appendAudit(tx, {
      actorId,
      action: publish ? 'case-study-publish' : 'case-study-unpublish',
      entityType: 'case_study',
      entityId: before.id,
      before: { status: before.status },
      after: { status: updated.status },
    });
    return updated;
  });
}
