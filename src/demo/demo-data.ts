import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { applyImport } from '../features/directory-import/import-service.ts';
import { hashPassword } from '../lib/passwords.ts';
import { scopeOf, type Role } from '../policy/roles.ts';
import { countSchools, countUsers, insertCollaborative, insertDemoUser } from './demo-repository.ts';
import { loadDemoCollaboration } from './demo-collaboration.ts';
import { loadDemoLocalAuthorities } from './demo-local-authorities.ts';
import { loadDemoSchoolCycle } from './demo-school-cycle.ts';
import { raiseDemoActionSupport } from './demo-action-support.ts';
import { loadDemoGovernorQuestions } from './demo-governor-questions.ts';
import { loadDemoInspection } from './demo-inspection.ts';
import { loadDemoSurvey } from './demo-survey.ts';
import { loadDemoOwnSurveys } from './demo-own-survey.ts';
import { loadDemoSloSharing } from './demo-slo-sharing.ts';
import { openSchoolsOfLa } from './demo-slo-sharing-repository.ts';
import { loadDemoProgressReviews } from './demo-progress-reviews.ts';

/** Every demo account shares it; listed in README.md. Demo data never loads outside embedded mode. */
export const DEMO_PASSWORD = 'demo-gwella-2026';

export const SCHOOL_LIST_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/address-list-of-schools-wales-2018-04.ods',
);

/** Real Cardiff schools: Ysgol Gyfun Gymraeg Bro Edern and Welsh-medium primaries near it. */
export const DEMO_SCHOOL = '6812308'; // Ysgol Y Berllan Deg
const DEMO_CLUSTER = ['6814074', '6812308', '6812323', '6812169'];

export type DemoAccount = {
  email: string;
  displayName: string;
  preferredLanguage: 'en' | 'cy';
  role: Role;
  scopeId: string | null | 'cluster';
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'headteacher@demo.cydwella.cymru',
    displayName: 'Elin Jones',
    preferredLanguage: 'cy',
    role: 'headteacher',
    scopeId: DEMO_SCHOOL,
  },
  {
    email: 'school.leader@demo.cydwella.cymru',
    displayName: 'Dafydd Evans',
    preferredLanguage: 'cy',
    role: 'school_leader',
    scopeId: DEMO_SCHOOL,
  },
  {
    email: 'practitioner@demo.cydwella.cymru',
    displayName: 'Catrin Hughes',
    preferredLanguage: 'en',
    role: 'practitioner',
    scopeId: DEMO_SCHOOL,
  },
  {
    email: 'governor@demo.cydwella.cymru',
    displayName: 'Huw Thomas',
    preferredLanguage: 'en',
    role: 'governor',
    scopeId: `GB${DEMO_SCHOOL}`,
  },
  {
    email: 'collaborative.lead@demo.cydwella.cymru',
    displayName: 'Nia Lewis',
    preferredLanguage: 'cy',
    role: 'collaborative_lead',
    scopeId: 'cluster',
  },
  {
    email: 'improvement.partner@demo.cydwella.cymru',
    displayName: 'Gareth Morgan',
    preferredLanguage: 'cy',
    role: 'improvement_partner',
    scopeId: '681',
  },
  {
    email: 'la.officer@demo.cydwella.cymru',
    displayName: 'Rhian Davies',
    preferredLanguage: 'en',
    role: 'la_officer',
    scopeId: '681',
  },
  {
    email: 'wg.official@demo.cydwella.cymru',
    displayName: 'Siân Roberts',
    preferredLanguage: 'en',
    role: 'wg_official',
    scopeId: null,
  },
  {
    email: 'admin@demo.cydwella.cymru',
    displayName: 'Alun Pritchard',
    preferredLanguage: 'cy',
    role: 'administrator',
    scopeId: null,
  },
];

/**
 * Loads the demo on an empty database only: the real 2018 school list (if no list has been
 * imported yet), a real Cardiff cluster, and one account per role. Its dates (evidence seen,
 * actions due, meetings to come) are placed around `now`.
 */
export async function loadDemoData(db: Db, now: Date): Promise<{ created: boolean }> {
  if ((await countUsers(db)) > 0) return { created: false };
  if ((await countSchools(db)) === 0) {
    const result = await applyImport(db, null, path.basename(SCHOOL_LIST_FILE), fs.readFileSync(SCHOOL_LIST_FILE), now);
    if (!result.ok) throw new Error('The bundled school list could not be imported');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const cluster = await insertCollaborative(
      tx,
      { kind: 'vertical', nameEn: 'Bro Edern cluster', nameCy: 'Clwstwr Bro Edern', laCode: '681' },
      DEMO_CLUSTER,
    );
    await appendAudit(tx, {
      actorId: null,
      action: 'demo-collaborative-create',
      entityType: 'collaborative',
      entityId: cluster,
      after: { members: DEMO_CLUSTER },
    });
    const ids = new Map<Role, string>();
    for (const account of DEMO_ACCOUNTS) {
      const { role, scopeId, ...user } = account;
      const assignments = [{ role, scopeType: scopeOf(role), scopeId: scopeId === 'cluster' ? cluster : scopeId }];
      const id = await insertDemoUser(tx, { ...user, passwordHash }, assignments);
      ids.set(role, id);
      await appendAudit(tx, {
        actorId: null,
        action: 'demo-user-create',
        entityType: 'user',
        entityId: id,
        after: { email: user.email, assignments },
      });
    }
    const schoolCycle = await loadDemoSchoolCycle(
      tx,
      DEMO_SCHOOL,
      {
        headteacher: ids.get('headteacher')!,
        leader: ids.get('school_leader')!,
        practitioner: ids.get('practitioner')!,
        governor: ids.get('governor')!,
      },
      now,
    );
    await loadDemoProgressReviews(
      tx,
      DEMO_SCHOOL,
      { headteacher: ids.get('headteacher')!, leader: ids.get('school_leader')! },
      schoolCycle,
      now,
    );
    await appendAudit(tx, { actorId: null, action: 'demo-cycle-create', entityType: 'school', entityId: DEMO_SCHOOL });
    await loadDemoGovernorQuestions(
      tx,
      {
        school: DEMO_SCHOOL,
        governor: ids.get('governor')!,
        headteacher: ids.get('headteacher')!,
        writingId: schoolCycle.writingPriorityId,
        attendanceId: schoolCycle.attendancePriorityId,
      },
      now,
    );
    await loadDemoInspection(
      tx,
      DEMO_SCHOOL,
      '681',
      schoolCycle,
      { headteacher: ids.get('headteacher')!, laOfficer: ids.get('la_officer')! },
      now,
    );
    await loadDemoSurvey(tx, DEMO_SCHOOL, ids.get('headteacher')!, now);
    await loadDemoOwnSurveys(tx, DEMO_SCHOOL, ids.get('headteacher')!, now);
    // Five other Cardiff schools (the cluster's three among them) shared last year's SLO results.
    const sharing = [
      ...DEMO_CLUSTER.filter((n) => n !== DEMO_SCHOOL),
      ...(await openSchoolsOfLa(tx, '681', DEMO_CLUSTER, 2)),
    ];
    await loadDemoSloSharing(tx, sharing, { id: cluster, members: DEMO_CLUSTER }, now);
    const { c, sketches } = await loadDemoCollaboration(tx, passwordHash, { cluster, ids, schoolCycle }, now);
    await loadDemoLocalAuthorities(tx, {
      now,
      c,
      demoSchool: schoolCycle,
      sketches,
      headteacher: ids.get('headteacher')!,
    });
    await raiseDemoActionSupport(tx, now, cluster);
  });
  return { created: true };
}
