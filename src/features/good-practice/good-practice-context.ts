import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { AREAS, NIF_THEMES } from '../../reference/reference-data.ts';
import { warningLines, type TextFlag } from '../meetings/learner-check.ts';
import type { CaseStudyForm } from './case-study-form.ts';
import { nationalPriorityOptions } from './case-study-repository.ts';
import { FormText, LaCode, SchoolNumber, Uuid, Version } from '../../lib/request-schemas.ts';

export const signedIn = { access: { signedIn: true } } as const;
export const laRead = { access: { permission: 'la.read' } } as const;
export const laManage = { access: { permission: 'la.manage' } } as const;
export const view = (name: string) => `features/good-practice/views/${name}.njk`;
const field = FormText(40_000);
const codes = Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }));
export const IdParams = Type.Object({ id: Uuid });
export const SchoolParams = Type.Object({ number: SchoolNumber });
export const CodeParams = Type.Object({ code: LaCode });
export const CaseStudyBody = Type.Object({
  version: Type.Optional(Version),
  title: field,
  summary: field,
  whatWeDid: field,
  learners: field,
  impact: field,
  nifThemes: codes,
  nationalPriorities: codes,
  areas: codes,
  learnerDataChecked: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 2 })),
});
export const VersionBody = Type.Object({ version: Version });

export const nameIn = (lang: string, named: { nameEn: string; nameCy: string }) =>
  lang === 'cy' ? named.nameCy : named.nameEn;

/** Checkbox items for the tags: NIF themes, national priorities (those still offered, or already chosen), Areas. */
export async function tagItems(db: Db, request: FastifyRequest, form: CaseStudyForm) {
  const t = request.t;
  const national = (await nationalPriorityOptions(db)).filter(
    (n) => !n.withdrawnOn || form.nationalPriorities.includes(n.code),
  );
  return {
    themeItems: NIF_THEMES.map((code) => ({
      value: code,
      text: t(`reference.nifTheme.${code}`),
      checked: form.nifThemes.includes(code),
    })),
    nationalItems: national.map((n) => ({
      value: n.code,
      text: nameIn(request.lang, n),
      checked: form.nationalPriorities.includes(n.code),
    })),
    areaItems: AREAS.map((code) => ({
      value: code,
      text: t(`reference.area.${code}`),
      checked: form.areas.includes(code),
    })),
    nationalCodes: national.map((n) => n.code),
  };
}

/** The add and edit forms, with the learner-data prompt when something looked identifiable. */
export async function renderForm(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  model: {
    form: CaseStudyForm;
    owner: string;
    formAction: string;
    cancelHref: string;
    flags?: TextFlag[];
    version?: number;
  } & Record<string, unknown>,
  status = 200,
) {
  const fieldLinks = {
    summary: 'goodPractice.learnerData.changeSummary',
    whatWeDid: 'goodPractice.learnerData.changeWhatWeDid',
    learners: 'goodPractice.learnerData.changeLearners',
    impact: 'goodPractice.learnerData.changeImpact',
  };
  const warning = warningLines(request.t, model.flags ?? [], fieldLinks);
  return reply.status(status).page(view('form'), {
    title: request.t(model.version ? 'goodPractice.form.editTitle' : 'goodPractice.form.addTitle'),
    activeNav: 'goodPractice',
    ...(await tagItems(db, request, model.form)),
    ...model,
    warning,
  });
}
