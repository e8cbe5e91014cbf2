import { readerTexts, withReaderTexts } from '../../lib/reader-texts.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { sharingModel } from '../../sharing/sharing-presenter.ts';
import { questionsModel } from '../../governor-questions/question-presenter.ts';
import { findCycle } from '../school-cycle/cycle-repository.ts';
import { findingFormRoutes } from './form-routes.ts';
import { readerAccess, requireUuid, sharedNotice } from '../../school/school-items.ts';
import { groupFindings, triangulationOf } from './findings-presenter.ts';
import * as repo from './findings-repository.ts';
import { FormText, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const FindingParams = Type.Object({ number: SchoolNumber, id: Uuid });
const ItemQuery = Type.Object({ saved: FormText(5), shared: FormText(10) });

/** Findings: what the school's evidence says, each a strength or an area for development (issue 4, item 3). */
export const findingsRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;
  const view = (name: string) => `features/findings/views/${name}.njk`;

  app.get(
    '/schools/:number/findings',
    { config: scoped(signedIn, 'school'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const year = academicYearOf(clock.now());
      const cycle = await findCycle(db, ctx.school.number, year);
      const model = { ...ctx, schoolCan: ctx.can, schoolSection: 'findings', year };
      if (!cycle)
        return reply.page(view('no-cycle'), {
          title: request.t('pages.findings.title'),
          heading: request.t('pages.findings.heading'),
          ...model,
        });
      const access = readerAccess(request, ctx);
      const rows = await repo.findingsOfCycle(db, cycle.id, access);
      const linked = await repo.evidenceOfFindings(
        db,
        rows.map((r) => r.id),
        access,
      );
      return reply.page(view('list'), {
        title: request.t('pages.findings.title'),
        ...model,
        cycle,
        groups: groupFindings(rows, linked, request.lang),
      });
    },
  );

  app.get(
    '/schools/:number/findings/:id',
    { config: scoped(signedIn, 'school'), schema: { params: FindingParams, querystring: ItemQuery } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const access = readerAccess(request, ctx);
      const finding = await repo.findFinding(db, ctx.school.number, requireUuid(request.params.id), access);
      if (!finding) throw new HttpError(404, 'not-found');
      const [linked, priorities, sharing, questions] = await Promise.all([
        repo.evidenceOfFindings(db, [finding.id], access),
        repo.prioritiesOfFinding(db, finding.id, access),
        sharingModel(db, ctx.school, ctx.can, 'finding', finding.id, request.lang, {
          record: finding,
          originals: { title: finding.title, body: finding.body },
          href: `/schools/${ctx.school.number}/other-language/finding/${finding.id}`,
        }),
        questionsModel(db, request.user, ctx.school, 'finding', finding.id),
      ]);
      const evidence = linked.filter((e) => e.visible);
      const rt = readerTexts(finding, ['title', 'body'], request.lang);
      return reply.page(view('finding'), {
        title: rt.title.text,
        rt,
        ...ctx,
        schoolCan: ctx.can,
        schoolSection: 'findings',
        finding,
        sharing,
        questions,
        priorities: priorities.map((p) => withReaderTexts(p, ['title'], request.lang)),
        triangulation: triangulationOf(linked),
        evidence: evidence.map((e) => withReaderTexts(e, ['title'], request.lang)),
        hiddenEvidence: linked.length - evidence.length,
        saved: request.query.saved === '1',
        shared: sharedNotice(request.query.shared),
      });
    },
  );

  await findingFormRoutes(app, deps);
};
