// The signed-in home (issue 13): one section per place the person holds a role, deduplicated (a
// headteacher who is also a practitioner of the same school sees one school section), each built by
// its role's builder in parallel. Shared reads (names, deadlines, caseload) are read once.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { addDaysTo, todayInWales } from '../../lib/clock.ts';
import { isUuid } from '../../lib/request-schemas.ts';
import type { RoleAssignment, Role } from '../../policy/roles.ts';
import { scopeNames } from '../../directory/scope-repository.ts';
import { feedDeadlines, type FeedDeadline } from '../calendar/deadline-repository.ts';
import { facilitatedCollaboratives } from '../la-overview/caseload-repository.ts';
import { DUE_SOON_DAYS, linkGate, type HomeSection } from './home-model.ts';
import { collaborativeLeadSection, WORKING_ALONE_DAYS } from './sections/collaborative-lead.ts';
import { governorSection } from './sections/governors.ts';
import { laStaffSection } from './sections/la-staff.ts';
import { nationalSection, partnershipSection } from './sections/partnership-national.ts';
import { schoolStaffSection } from './sections/school-staff.ts';
import { yourActionsSection } from './sections/your-actions.ts';
import { actionsAssignedTo } from '../my-actions/my-actions-repository.ts';

/** What was shared with governors counts as new for this many days (a month between meetings of most governing bodies). */
const NEWLY_SHARED_DAYS = 30;
/** Overdue concern reviews stay on the home for this long before the caseload is the place for them. */
const OVERDUE_REVIEW_DAYS = 90;
const LEADERS: Role[] = ['headteacher', 'school_leader'];

/** Each scope once, with the roles held in it. */
function places(assignments: readonly RoleAssignment[]) {
  const byScope = new Map<string, { scopeType: RoleAssignment['scopeType']; scopeId: string | null; roles: Role[] }>();
  for (const a of assignments) {
    const key = `${a.scopeType}:${a.scopeId ?? ''}`;
    const place = byScope.get(key) ?? { scopeType: a.scopeType, scopeId: a.scopeId, roles: [] };
    place.roles.push(a.role);
    byScope.set(key, place);
  }
  return [...byScope.values()];
}

/** One date per record: a case with several support items due is one review. */
const oncePerRecord = (deadlines: FeedDeadline[]) =>
  deadlines.filter((d, i) => deadlines.findIndex((e) => e.kind === d.kind && e.record_id === d.record_id) === i);

export async function homeSections(db: Db, request: FastifyRequest, now: Date): Promise<HomeSection[]> {
  const user = request.user!;
  const today = todayInWales(now);
  const soon = todayInWales(addDaysTo(now, DUE_SOON_DAYS));
  const gate = linkGate(request);
  const held = places(user.assignments);
  const has = (types: string[]) => held.some((p) => types.includes(p.scopeType));
  const [names, rawDeadlines, caseload, actions] = await Promise.all([
    // A school's section reads its own name with its work; only the other places are named here.
    scopeNames(
      db,
      user.assignments.filter((a) => a.scopeType !== 'school'),
    ),
    // Only headteachers (concern reviews) and LA officers (reviews and round deadlines) are shown them.
    user.assignments.some((a) => a.role === 'headteacher' || a.role === 'la_officer')
      ? feedDeadlines(db, user.id, todayInWales(addDaysTo(now, -OVERDUE_REVIEW_DAYS)), soon)
      : Promise.resolve([]),
    has(['la']) ? facilitatedCollaboratives(db, user.id, today) : Promise.resolve([]),
    actionsAssignedTo(db, user, today),
  ]);
  const deadlines = oncePerRecord(rawDeadlines);
  const nameOf = (type: string, id: string | null) => names.get(`${type}:${id}`)?.[request.lang] ?? id ?? '';
  const since = (days: number) => todayInWales(addDaysTo(now, -days));

  const built = await Promise.all(
    held.map(async (place): Promise<HomeSection | null> => {
      const id = place.scopeId ?? '';
      // An assignment without its place (or a collaborative's or partnership's that is not an id)
      // names nothing to list: the home leaves it out rather than fail.
      if (place.scopeType !== 'national' && !id) return null;
      if ((place.scopeType === 'collaborative' || place.scopeType === 'la_partnership') && !isUuid(id)) return null;
      const roles = place.roles;
      const main = roles.find((r) => LEADERS.includes(r)) ?? roles.find((r) => r !== 'governor') ?? roles[0]!;
      const caption = request.t(`roles.${main}`);
      let section: HomeSection | null = null;
      switch (place.scopeType) {
        case 'school':
          section = await schoolStaffSection(db, request, gate, {
            number: id,
            leader: roles.some((r) => LEADERS.includes(r)),
            today,
            soon,
            deadlines: roles.includes('headteacher') ? deadlines : [],
          });
          break;
        case 'governing_body':
          section = await governorSection(db, request, gate, {
            governingBodyId: id,
            name: nameOf('governing_body', id),
            since: since(NEWLY_SHARED_DAYS),
          });
          break;
        case 'collaborative':
          section = await collaborativeLeadSection(db, request, gate, {
            id,
            name: nameOf('collaborative', id),
            today,
            since: since(WORKING_ALONE_DAYS),
          });
          break;
        case 'la':
          section = await laStaffSection(db, request, gate, {
            code: id,
            name: nameOf('la', id),
            officer: roles.includes('la_officer'),
            today,
            since: since(WORKING_ALONE_DAYS),
            deadlines,
            caseload: caseload.length,
          });
          break;
        case 'la_partnership':
          section = await partnershipSection(db, request, gate, { id, name: nameOf('la_partnership', id) });
          break;
        case 'national':
          section = await nationalSection(db, request, gate, { today });
          break;
        default:
          return null; // the platform's administrators have their links below the sections
      }
      return section && { ...section, caption };
    }),
  );
  return [yourActionsSection(request, actions), ...built].filter((s): s is HomeSection => s !== null);
}
