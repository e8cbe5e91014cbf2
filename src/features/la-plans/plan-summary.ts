import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { planCan } from '../../policy/plan-policy.ts';
import type { PlanWithContext } from '../../national/planning-repository.ts';
import { planAnswers, planComments, roundSections } from './plan-repository.ts';
import { deadlineStatus, isLate, localName } from './plan-context.ts';
import { missingFields } from '../../lib/paired-text.ts';

/** The plan's overview: each section with whether it is answered and how many comments WG left. */
export async function planSummary(db: Db, request: FastifyRequest, plan: PlanWithContext, now: Date) {
  const lang = request.lang;
  const can = planCan(request.user, { laCode: plan.laCode, state: plan.state, sharedWithLas: plan.sharedWithLas });
  const [sections, answers, comments] = await Promise.all([
    roundSections(db, plan.roundId),
    planAnswers(db, plan.id),
    can.comments ? planComments(db, plan.id) : [],
  ]);
  return {
    plan,
    planCan: can,
    base: `/plans/${plan.id}`,
    laName: localName(lang, plan.laNameEn, plan.laNameCy),
    roundTitle: localName(lang, plan.round.titleEn, plan.round.titleCy),
    deadline: deadlineStatus(plan.round.deadline, now),
    late: isLate(plan.round.deadline, plan.submittedAt, now),
    planSections: sections.map((s, i) => {
      const answer = answers.find((a) => a.sectionId === s.id);
      return {
        id: s.id,
        number: i + 1,
        title: localName(lang, s.titleEn, s.titleCy),
        answered: !!answer?.body,
        // Told, not blocked (issue 16): an answer with no version in the other language.
        lacksOtherLanguage: !!answer && missingFields(answer, { body: answer.body }).length > 0,
        updatedAt: answer?.updatedAt ?? null,
        comments: comments.filter((c) => c.sectionId === s.id).length,
      };
    }),
    lackingOtherLanguage: answers.filter((a) => missingFields(a, { body: a.body }).length > 0).length,
    unanswered: sections.filter((s) => !answers.find((a) => a.sectionId === s.id)?.body).length,
  };
}
