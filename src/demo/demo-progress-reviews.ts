import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { academicYearOf } from '../reference/reference-data.ts';
import type { DemoSchoolCycle } from './demo-school-cycle.ts';
import { insertDemoProgress } from './demo-progress-repository.ts';

type People = { headteacher: string; leader: string };

/**
 * A few progress reviews of the demo school's priorities and one of its actions (issue 15 part 3),
 * dated in the weeks before today but never before the plan's first day, so the chart and the plan
 * page have something to show whatever day the demo is loaded.
 */
export async function loadDemoProgressReviews(
  db: Db,
  school: string,
  people: People,
  cycle: DemoSchoolCycle,
  now: Date,
) {
  const planStart = `${academicYearOf(now)}-09-01`;
  const daysAgo = (n: number) => {
    const date = new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
    return date < planStart ? planStart : date;
  };
  const e = cycle.evidenceIds;
  const review = (o: {
    priorityId: string;
    actionId?: string;
    ago: number;
    rating: string;
    comment: string;
    language: string;
    by: string;
    evidence?: (string | undefined)[];
  }) => ({
    row: {
      id: randomUUID(),
      schoolNumber: school,
      priorityId: o.priorityId,
      actionId: o.actionId ?? null,
      reviewedOn: daysAgo(o.ago),
      rating: o.rating,
      comment: o.comment,
      language: o.language,
      createdBy: o.by,
    },
    evidence: (o.evidence ?? []).filter((id): id is string => !!id),
  });
  const reviews = [
    review({
      priorityId: cycle.writingPriorityId,
      ago: 40,
      rating: 'some_concerns',
      comment:
        "Mae'r rhestrau gwirio ar waith, ond mae samplau Blwyddyn 5 yn dangos bod bechgyn yn dal i golli treigladau mewn darnau hir.",
      language: 'cy',
      by: people.leader,
      evidence: [e[1], e[2]],
    }),
    review({
      priorityId: cycle.writingPriorityId,
      ago: 6,
      rating: 'on_track',
      comment:
        "Ar ôl y cymedroli gyda'r clwstwr, mae 68% o samplau'n gywir (61% ym mis Hydref). Rydym ar y trywydd iawn ar gyfer y targed.",
      language: 'cy',
      by: people.headteacher,
      evidence: [e[0], e[8]],
    }),
    review({
      priorityId: cycle.writingPriorityId,
      actionId: cycle.moderationActionId,
      ago: 6,
      rating: 'on_track',
      comment: 'Dwy sesiwn gymedroli wedi digwydd; mae disgwyliadau cam cynnydd 3 wedi eu cytuno.',
      language: 'cy',
      by: people.leader,
    }),
    review({
      priorityId: cycle.attendancePriorityId,
      ago: 12,
      rating: 'some_concerns',
      comment:
        'The morning club runs three days a week and persistent absence fell to 12.9%, but two families have not yet taken up a plan.',
      language: 'en',
      by: people.headteacher,
      evidence: [e[4], e[7]],
    }),
  ];
  await insertDemoProgress.reviews(
    db,
    reviews.map((r) => r.row),
  );
  const links = reviews.flatMap((r) => r.evidence.map((evidenceId) => ({ reviewId: r.row.id, evidenceId })));
  if (links.length) await insertDemoProgress.evidence(db, links);
}
