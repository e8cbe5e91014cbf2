import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { createTranslator, isLanguage } from '../../plugins/i18n.ts';
import { renderDocx, renderPdf } from '../outputs/renderers.ts';
import { findVersion } from './plan-repository.ts';
import { PlanParams, plansRead } from './plan-context.ts';
import { planDocument } from './plan-document.ts';
import { snapshotOf } from './plan-service.ts';
import { planScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const Query = Type.Object({
  // `bilingual`: the Welsh plan then the English one in one file.
  language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('cy'), Type.Literal('bilingual')])),
  version: Type.Optional(Type.String({ pattern: '^\\d{1,4}$', maxLength: 4 })),
});
const FORMATS = {
  pdf: { type: 'application/pdf', render: renderPdf },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
} as const;

/** The plan (as it reads now, or one version) as PDF or Word, in English, in Welsh or bilingual. */
export const exportRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  const tFor = await createTranslator();

  for (const extension of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
    app.get(
      `/plans/:planId/plan.${extension}`,
      { config: scoped(plansRead, 'plan'), schema: { params: PlanParams, querystring: Query } },
      async (request, reply) => {
        const { plan } = planScope(request);
        const bilingual = request.query.language === 'bilingual';
        const lang = bilingual ? 'cy' : isLanguage(request.query.language) ? request.query.language : request.lang;
        const version = request.query.version ? await findVersion(db, plan.id, Number(request.query.version)) : null;
        if (request.query.version && !version) throw new HttpError(404, 'not-found');
        const snapshot = version ? version.snapshot : await snapshotOf(db, plan);
        // Welsh first, as Welsh public bodies publish.
        const document = bilingual
          ? (['cy', 'en'] as const).map((l) => planDocument(plan, snapshot, tFor(l), l, version))
          : planDocument(plan, snapshot, tFor(lang), lang, version);
        const slug = (lang === 'cy' ? plan.laNameCy : plan.laNameEn)
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '');
        const fileName = `${slug}-${lang === 'cy' ? 'cynllun' : 'plan'}${version ? `-v${version.number}` : ''}-${bilingual ? 'cy-en' : lang}.${extension}`;
        return reply
          .type(FORMATS[extension].type)
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(await FORMATS[extension].render(document));
      },
    );
  }
};
