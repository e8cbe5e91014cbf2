// A school's section for its staff: what waits on its leaders (evidence to review, plan actions
// overdue or due soon, the revision with the governors, support answered, enquiry steps, deadlines),
// and for everyone on the staff the coming meetings and a prominent "Record evidence".
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import type { FeedDeadline } from '../../calendar/deadline-repository.ts';
import { formatDate } from '../../../lib/dates.ts';
import { governingBodyCan } from '../../../policy/governing-body-policy.ts';
import { schoolCan } from '../../../policy/school-policy.ts';
import { findSchoolContext } from '../../../school/school-repository.ts';
import { schoolWork } from '../home-repository.ts';
import { collaborativeLinks } from '../collaborative-links.ts';
import { listOf, readerTitle, rowsOf, totalOf, type HomeSection, type LinkGate } from '../home-model.ts';

export type SchoolStaffInput = {
  number: string;
  leader: boolean;
  today: string;
  soon: string;
  deadlines: FeedDeadline[];
};

export async function schoolStaffSection(
  db: Db,
  request: FastifyRequest,
  gate: LinkGate,
  input: SchoolStaffInput,
): Promise<HomeSection | null> {
  const { number, leader, today } = input;
  const [school, rows] = await Promise.all([
    findSchoolContext(db, number),
    schoolWork(db, number, today, input.soon, leader),
  ]);
  if (!school) return null;
  const t = request.t.bind(request);
  const day = (d: string | null) => (d ? formatDate(d, request.lang) : '');
  // The school's own `can`, decided once by its policy, tells whether each of its pages opens.
  const given = { school: schoolCan(request.user, school), governingBody: governingBodyCan(request.user, school) };
  const base = `/schools/${number}`;
  const lists = [];
  const into = await collaborativeLinks(db, request, rows);

  if (leader) {
    const evidence = rowsOf(rows, 'evidence');
    const actions = rowsOf(rows, 'action');
    const revision = rowsOf(rows, 'revision');
    const support = rowsOf(rows, 'support');
    const enquiries = rowsOf(rows, 'enquiry');
    const questions = rowsOf(rows, 'question');
    const deadlines = input.deadlines.filter((d) => d.kind === 'concern_review' && d.school_number === number);
    lists.push(
      await listOf(
        request,
        gate,
        {
          key: 'evidence',
          heading: t('home.school.evidence'),
          total: totalOf(evidence),
          allHref: `${base}/evidence`,
          items: evidence.map((r) => ({
            ...readerTitle(r, request.lang),
            hint: t('home.observed', { date: day(r.day) }),
            href: `${base}/evidence/${r.id}`,
          })),
        },
        given,
      ),
      await listOf(
        request,
        gate,
        {
          key: 'actions',
          heading: t('home.school.actions'),
          total: totalOf(actions),
          allHref: `${base}/plan`,
          items: actions.map((r) => ({
            ...readerTitle(r, request.lang),
            hint: t('home.due', { date: day(r.day) }),
            href: `${base}/plan`,
            tag:
              r.day && r.day < today
                ? { text: t('home.overdue'), colour: 'red' }
                : { text: t('home.dueSoon'), colour: 'yellow' },
          })),
        },
        given,
      ),
      await listOf(
        request,
        gate,
        {
          key: 'approvals',
          heading: t('home.school.approvals'),
          total: totalOf(revision),
          items: revision.map((r) => ({
            text: t('home.revision', { number: r.title }),
            hint: t('home.waitingSince', { date: day(r.day) }),
            href: `${base}/plan/revisions/${r.title}`,
          })),
        },
        given,
      ),
      await listOf(
        request,
        gate,
        {
          key: 'support',
          heading: t('home.school.support'),
          total: totalOf(support),
          allHref: `${base}/support`,
          items: support.map((r) => ({
            ...readerTitle(r, request.lang),
            hint: t('home.supportMatched'),
            href: `${base}/support`,
          })),
        },
        given,
      ),
      await listOf(request, gate, {
        key: 'enquiries',
        heading: t('home.school.enquiries'),
        total: totalOf(enquiries),
        items: enquiries.map((r) => ({
          ...readerTitle(r, request.lang),
          hint: t(`enquiries.states.${r.day}`),
          ...into.enquiry(r),
        })),
      }),
      await listOf(
        request,
        gate,
        {
          key: 'questions',
          heading: t('home.school.questions'),
          total: totalOf(questions),
          allHref: `${base}/questions`,
          items: questions.map((r) => ({
            ...readerTitle(r, request.lang),
            hint: t('home.askedOn', { date: day(r.day) }),
            href: `${base}/questions`,
          })),
        },
        given,
      ),
      await listOf(request, gate, {
        key: 'deadlines',
        heading: t('home.school.deadlines'),
        total: deadlines.length,
        items: deadlines.map((d) => ({
          text: t('home.concernReview'),
          hint: t('home.due', { date: day(d.day) }),
          href: `/concern-cases/${d.record_id}`,
        })),
      }),
    );
  }
  const meetings = rowsOf(rows, 'meeting');
  lists.push(
    await listOf(request, gate, {
      key: 'meetings',
      heading: t('home.school.meetings'),
      total: totalOf(meetings),
      items: meetings.map((r) => ({
        ...readerTitle(r, request.lang),
        hint: day(r.day),
        ...into.meeting(r),
      })),
    }),
  );
  const record = `${base}/evidence/new`;
  const home = `${base}/home`;
  const starts = [];
  if (request.canOpen(record, given)) starts.push({ href: record, text: t('home.school.recordEvidence') });
  if (request.canOpen(home, given))
    starts.push({ href: home, text: t('pages.home.schoolLink', { school: school.name }) });
  return { key: `school:${number}`, title: school.name, caption: '', starts, lists };
}
