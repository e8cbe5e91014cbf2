import type { Db } from '../db/client.ts';
import type { Role } from '../policy/roles.ts';
import { outputItemId } from '../sharing/share-repository.ts';
import { insertDemo } from './demo-cycle-repository.ts';
import { loadDemoCollaboratives, SCHOOLS as S } from './demo-collaboratives.ts';
import { loadDemoEnquiries } from './demo-enquiries.ts';
import { loadDemoMeetings } from './demo-meetings.ts';
import type { DemoSchoolCycle } from './demo-school-cycle.ts';
import { loadSchoolSketches } from './demo-school-sketches.ts';

/**
 * Collaboration in the demo (issue 5): four collaboratives in two LAs, what their members shared,
 * a peer enquiry at every stage, meetings and progression sessions. One school of the primary
 * group has done nothing with its peers this term, so the LA sees it working alone.
 */
export async function loadDemoCollaboration(
  db: Db,
  passwordHash: string,
  demo: { cluster: string; ids: Map<Role, string>; schoolCycle: DemoSchoolCycle },
  now: Date,
) {
  const people = { headteacher: demo.ids.get('headteacher')!, leader: demo.ids.get('school_leader')! };
  const c = await loadDemoCollaboratives(db, passwordHash, {
    cluster: demo.cluster,
    lead: demo.ids.get('collaborative_lead')!,
    partner: demo.ids.get('improvement_partner')!,
    officer: demo.ids.get('la_officer')!,
  });
  const { cluster, swansea, primaries, welshMedium } = c.collaboratives;
  const memberships: Record<string, string[]> = {
    [S.penYGroes]: [cluster],
    [S.yWern]: [cluster],
    [S.broEdern]: [cluster, welshMedium],
    [S.plasmawr]: [welshMedium],
    [S.glantaf]: [welshMedium],
    [S.brynTawe]: [welshMedium],
    [S.llangynwyd]: [welshMedium],
    [S.garthOlwg]: [welshMedium],
    [S.pontarddulaisPrimary]: [swansea],
    [S.bryniago]: [swansea],
    [S.pontarddulaisComp]: [swansea],
    [S.pontlliw]: [swansea],
    [S.lakeside]: [primaries],
    [S.llanedeyrn]: [primaries],
    [S.springwood]: [primaries],
    [S.glyncoed]: [primaries],
  };
  const heads: Record<string, string> = {
    [S.penYGroes]: c.people('lead'),
    [S.yWern]: c.people('sioned'),
    [S.broEdern]: c.people('ioan'),
    [S.plasmawr]: c.people('rhys'),
    [S.glantaf]: c.people('meinir'),
    [S.brynTawe]: c.people('geraint'),
    [S.llangynwyd]: c.people('lowri'),
    [S.garthOlwg]: c.people('iwan'),
    [S.pontarddulaisPrimary]: c.people('helen'),
    [S.bryniago]: c.people('angharad'),
    [S.pontarddulaisComp]: c.people('mark'),
    [S.pontlliw]: c.people('tom'),
    [S.lakeside]: c.people('sarah'),
    [S.llanedeyrn]: c.people('james'),
    [S.springwood]: c.people('priya'),
    [S.glyncoed]: c.people('bethan'),
  };
  const sketches = await loadSchoolSketches(
    db,
    (school) => memberships[school] ?? [],
    (school) => heads[school] ?? null,
    now,
  );
  // The demo school shares its writing work with the cluster: the priority, the finding, the peer visit and its self-evaluation.
  const cycle = demo.schoolCycle;
  const toCluster = (itemType: string, itemId: string) => ({
    itemType,
    itemId,
    schoolNumber: S.berllanDeg,
    audience: 'collaborative',
    audienceId: cluster,
    sharedBy: people.headteacher,
  });
  await insertDemo.shares(db, [
    toCluster('priority', cycle.writingPriorityId),
    toCluster('priority', cycle.attendancePriorityId),
    toCluster('finding', cycle.writingFindingId),
    toCluster('evidence', cycle.peerVisitEvidenceId),
    toCluster('evidence', cycle.evidenceIds[1]!),
    toCluster('output', outputItemId(S.berllanDeg, 'self_evaluation')),
  ]);
  await loadDemoEnquiries(db, { c, demo: cycle, sketches, people, now });
  await loadDemoMeetings(db, c, people, now);
  return { c, sketches };
}
