import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { todayInWales } from '../lib/clock.ts';
import type { DemoSchoolCycle } from './demo-school-cycle.ts';
import { insertDemoInspection } from './demo-inspection-repository.ts';

type People = { headteacher: string; laOfficer: string };

/** A date `days` before `now`, as the database keeps it. */
const daysBefore = (now: Date, days: number) => todayInWales(new Date(now.getTime() - days * 86_400_000));

/**
 * The demo school's last inspection, its three recommendations linked to the priorities that address
 * them (issue 15, part 6), its shared vision in two versions, and its LA's collective vision (part 7).
 * No report link: the demo school's report is not a real one to point at.
 */
export async function loadDemoInspection(
  db: Db,
  school: string,
  laCode: string,
  cycle: DemoSchoolCycle,
  people: People,
  now: Date,
) {
  const inspectionId = randomUUID();
  await insertDemoInspection.inspection(db, {
    id: inspectionId,
    schoolNumber: school,
    inspectedOn: daysBefore(now, 600),
    reportUrl: '',
    createdBy: people.headteacher,
  });
  const rec = (number: number, text: string) => ({
    id: randomUUID(),
    inspectionId,
    number,
    text,
    language: 'cy',
    createdBy: people.headteacher,
  });
  const r1 = rec(1, 'Gwella cywirdeb iaith disgyblion wrth ysgrifennu’n estynedig yn Gymraeg ar draws y cwricwlwm');
  const r2 = rec(
    2,
    'Codi cyfraddau presenoldeb, yn enwedig ymhlith disgyblion sy’n gymwys i gael prydau ysgol am ddim',
  );
  const r3 = rec(3, 'Datblygu medrau rhesymu rhifyddol disgyblion ym Mlynyddoedd 3 a 4');
  await insertDemoInspection.recommendations(db, [r1, r2, r3]);
  await insertDemoInspection.links(db, [
    { recommendationId: r1.id, priorityId: cycle.writingPriorityId },
    { recommendationId: r2.id, priorityId: cycle.lastYearAttendancePriorityId },
    { recommendationId: r2.id, priorityId: cycle.attendancePriorityId },
    { recommendationId: r3.id, priorityId: cycle.numeracyPriorityId },
  ]);
  const vision = (number: number, agreedDaysAgo: number, text: string, agreedWith: string) => ({
    ownerType: 'school' as const,
    ownerId: school,
    number,
    text,
    language: 'cy',
    agreedWith,
    agreedOn: daysBefore(now, agreedDaysAgo),
    createdBy: people.headteacher,
    createdAt: new Date(now.getTime() - (agreedDaysAgo - 2) * 86_400_000),
  });
  await insertDemoInspection.visions(db, [
    vision(
      1,
      700,
      'Ysgol hapus lle mae pob plentyn yn dysgu drwy gyfrwng y Gymraeg ac yn cyrraedd ei lawn botensial.',
      'Staff a llywodraethwyr mewn diwrnod HMS',
    ),
    vision(
      2,
      200,
      'Ysgol Gymraeg hapus a chynhwysol lle mae pob dysgwr yn siarad, darllen ac ysgrifennu’n hyderus yn Gymraeg, yn mynychu’n gyson ac yn gwireddu’r pedwar diben. Rydym yn gwella gyda’n gilydd: staff yn dysgu gan ei gilydd ac ysgolion y clwstwr, teuluoedd yn bartneriaid, a phob un ohonom yn rhannu’r cyfrifoldeb am bob dysgwr.',
      'Staff, llywodraethwyr, cyngor yr ysgol a theuluoedd mewn gweithdai yn nhymor y gwanwyn, ac ysgolion y clwstwr',
    ),
  ]);
  await insertDemoInspection.visions(db, [
    {
      ownerType: 'la',
      ownerId: laCode,
      number: 1,
      text: 'Every school in the city improving together: headteachers, governors and the local authority sharing responsibility for every learner, learning from each other across clusters, so that every child and young person is included, attends, and achieves the four purposes whatever their background.',
      language: 'en',
      agreedWith:
        'Headteachers of all the city’s schools at the autumn leadership conference, then the headteachers’ forum',
      agreedOn: daysBefore(now, 300),
      createdBy: people.laOfficer,
      createdAt: new Date(now.getTime() - 298 * 86_400_000),
    },
  ]);
}
