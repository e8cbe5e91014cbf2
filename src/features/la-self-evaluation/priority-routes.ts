import { readerTexts, withReaderTexts } from '../../lib/reader-texts.ts';
import { readerPriorities } from './se-presenter.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { ACTION_STATUSES } from '../../reference/reference-data.ts';
import { requireUuid } from '../../school/school-items.ts';
import { LA_READINESS_PARTS, readinessChecklist } from '../../self-evaluation/priority-readiness.ts';
import {
  findImpact,
  findPriority,
  linkedFindings,
  listActions,
  listPriorities,
  nationalPriorityList,
} from './priority-repository.ts';
import { CodeParams, ItemParams, laRead, seContext, seModel, view } from './se-context.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { scoped } from '../../access/scopes.ts';

const SavedQuery = Type.Object({ saved: FormText(20) });

/** The LA's priorities, and one priority with its plan and its impact. */
export const priorityRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/local-authorities/:code/self-evaluation/priorities',
    { config: scoped(laRead, 'la'), schema: { params: CodeParams } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) return reply.redirect(se.base, 303);
      const [items, national] = await Promise.all([listPriorities(db, cycle.id), nationalPriorityList(db)]);
      return reply.page(view('priorities-list'), {
        title: request.t('laSelfEvaluation.priorities.title'),
        ...seModel(se, 'priorities', cycle),
        items: readerPriorities(items, request.lang),
        national: new Map(national.map((n) => [n.code, n])),
      });
    },
  );

  app.get(
    '/local-authorities/:code/self-evaluation/priorities/:id',
    { config: scoped(laRead, 'la'), schema: { params: ItemParams, querystring: SavedQuery } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      const priority = await findPriority(db, se.la.code, requireUuid(request.params.id));
      if (!priority) throw new HttpError(404, 'not-found');
      const [findings, national, actions, impact] = await Promise.all([
        linkedFindings(db, priority.id),
        nationalPriorityList(db),
        listActions(db, priority.id),
        findImpact(db, priority.id),
      ]);
      // The school side's readiness rule, on the parts that apply to an LA's priority: guidance here, as on a school's page.
      const checklist = readinessChecklist({ ...priority, findingCount: findings.length }, LA_READINESS_PARTS);
      const rt = readerTexts(priority, ['title', 'description', 'successMeasure'], request.lang);
      return reply.page(view('priority'), {
        title: rt.title.text,
        ...seModel(se, 'priorities', cycle),
        priority,
        rt,
        findings,
        checklist,
        actions: actions.map((a) => withReaderTexts(a, ['description'], request.lang)),
        impact,
        statuses: ACTION_STATUSES,
        saved: request.query.saved,
        national: national.filter((n) => priority.nationalPriorities.includes(n.code)),
      });
    },
  );
};
