import { Type } from '@sinclair/typebox';
import { questionsModel } from '../../governor-questions/question-presenter.ts';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { createTranslator, isLanguage } from '../../plugins/i18n.ts';
import { OUTPUT_KINDS, outputItemId, type OutputKind } from '../../sharing/share-repository.ts';
import { sharingModel } from '../../sharing/sharing-presenter.ts';
import { outputData, outputReader, readableOutputs } from './output-service.ts';
import { buildOutput } from './output-builders.ts';
import { renderDocx, renderPdf, renderPlanXlsx } from './renderers.ts';
import { SchoolNumber } from '../../lib/request-schemas.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { findCycle } from '../school-cycle/cycle-repository.ts';
import { documentTexts } from './paired-text-repository.ts';
import { lackingInDocument } from './lacking-presenter.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const SLUGS: Record<string, OutputKind> = {
  'sdp-summary': 'sdp_summary',
  'self-evaluation': 'self_evaluation',
  progress: 'progress',
  'support-log': 'support_log',
  'governors-report': 'governors_report',
};
const slugOf = (kind: OutputKind) => Object.keys(SLUGS).find((s) => SLUGS[s] === kind)!;
const Params = Type.Object({
  number: SchoolNumber,
  document: Type.String({ pattern: '^[a-z-]+(\\.(pdf|docx|xlsx))?$', maxLength: 80 }),
});
// `bilingual`: the Welsh document then the English one in one file (PDF and Word).
const Query = Type.Object({
  language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('cy'), Type.Literal('bilingual')])),
});
const FORMATS = {
  pdf: { type: 'application/pdf', render: renderPdf },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
} as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Only the plan has a spreadsheet: its priorities, actions and support as tables.
const SPREADSHEETS: readonly OutputKind[] = ['sdp_summary'];

export const outputRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const tFor = await createTranslator();

  app.get(
    '/schools/:number/outputs',
    { config: scoped(signedIn, 'school'), schema: { params: Type.Object({ number: SchoolNumber }) } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const kinds = await readableOutputs(db, request.user, school, can, OUTPUT_KINDS);
      // Told, not blocked: the headteacher, who shares documents beyond the school, hears what lacks the other language.
      const cycle = can.widenSharing ? await findCycle(db, school.number, academicYearOf(clock.now())) : null;
      const texts = cycle ? await documentTexts(db, cycle.id) : null;
      const documents = await Promise.all(
        kinds.map(async (kind) => ({
          kind,
          slug: slugOf(kind),
          spreadsheet: SPREADSHEETS.includes(kind),
          lacking: texts ? lackingInDocument(kind, texts, school.number) : [],
          sharing: can.staff
            ? await sharingModel(db, school, can, 'output', outputItemId(school.number, kind), request.lang)
            : null,
        })),
      );
      const shared = (request.query as { shared?: string }).shared;
      return reply.page('features/outputs/views/list.njk', {
        title: request.t('pages.outputs.title'),
        school,
        schoolCan: can,
        schoolSection: 'outputs',
        documents,
        shared: shared === 'add' || shared === 'remove' ? shared : null,
      });
    },
  );

  // One document: a page, or with .pdf / .docx (and .xlsx for the plan) a download; ?language= picks its language.
  app.get(
    '/schools/:number/outputs/:document',
    { config: scoped(signedIn, 'school'), schema: { params: Params, querystring: Query } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const [slug, extension] = request.params.document.split('.') as [string, 'pdf' | 'docx' | 'xlsx' | undefined];
      const kind = SLUGS[slug];
      if (
        !kind ||
        (extension === 'xlsx' && !SPREADSHEETS.includes(kind)) ||
        !(await readableOutputs(db, request.user, school, can, [kind])).length
      )
        throw new HttpError(404, 'not-found');
      // A bilingual edition is a file: the page and the spreadsheet show the interface's language.
      const bilingual = request.query.language === 'bilingual' && (extension === 'pdf' || extension === 'docx');
      const lang = isLanguage(request.query.language) ? request.query.language : request.lang;
      const data = await outputData(db, school, clock.now(), outputReader(request.user, schoolScope(request)));
      const fileName = `${school.number}-${slug}-${bilingual ? 'cy-en' : lang}.${extension}`;
      if (extension === 'xlsx')
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(await renderPlanXlsx(data, tFor(lang)));
      const output = buildOutput(kind, data, tFor(lang), lang);
      if (!extension)
        return reply.page('features/outputs/views/document.njk', {
          title: `${output.title}: ${school.name}`,
          school,
          schoolCan: can,
          schoolSection: 'outputs',
          output,
          slug,
          questions: await questionsModel(db, request.user, school, 'output', `${school.number}:${kind}`),
          spreadsheet: SPREADSHEETS.includes(kind),
        });
      const format = FORMATS[extension];
      // Welsh first, as Welsh public bodies publish.
      const edition = bilingual ? (['cy', 'en'] as const).map((l) => buildOutput(kind, data, tFor(l), l)) : output;
      return reply
        .type(format.type)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(await format.render(edition));
    },
  );
};
