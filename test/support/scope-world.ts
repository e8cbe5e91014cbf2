// The scope walker's world (test/route-scopes.test.ts): one real record of each scope, and the people
// who stand in every relation to them that the rules of trust tell apart (DOMAIN.md sections 2 and 7).
// Every value is fixed, so a failure names the same school, LA and person on every run.
import type { Db } from '../../src/db/client.ts';
import { collaborativeFacilitators } from '../../src/db/schema/index.ts';
import type { Role } from '../../src/policy/roles.ts';
import { buildCollaborative, buildPartnership } from './collaboration-factories.ts';
import { buildEnquiry } from './enquiry-factories.ts';
import { buildUser } from './factories.ts';
import { buildCaseStudy, buildConcernCase, buildLaPlan, buildRound } from './la-factories.ts';
import { buildSchool } from './school-factories.ts';

/** School A's LA, a second LA (a stranger), a third that shares a partnership with A's. */
export const LA = { own: '672', other: '673', partner: '674' } as const;

/**
 * Everyone the walk sends, and the role each holds (anonymous holds none and is not signed in).
 * The table in test/route-scopes.test.ts says, by these names, who meets which need.
 */
export const PERSONA_ROLES = {
  anonymous: null,
  noRole: null,
  headteacher: 'headteacher', // of school A
  schoolLeader: 'school_leader', // of school A
  practitioner: 'practitioner', // of school A
  governor: 'governor', // of A's governing body
  chairOfGovernors: 'chair_of_governors', // of A's governing body
  clerk: 'clerk', // to A's governing body
  strangerHeadteacher: 'headteacher', // of school B: same LA, not in the collaborative
  collaborativeLead: 'collaborative_lead', // of the collaborative
  laFacilitator: 'improvement_partner', // of A's LA, and a facilitator of the collaborative
  improvementPartner: 'improvement_partner', // of A's LA, facilitating nothing
  laOfficer: 'la_officer', // of A's LA
  otherLaOfficer: 'la_officer', // of another LA, outside the partnership
  partnershipCoordinator: 'partnership_coordinator', // of the partnership of A's LA and a third
  enquiryFacilitator: 'school_leader', // of partner school P (a member), the enquiries' facilitator
  reviewer: 'practitioner', // of partner school P, a reviewer on every enquiry but the proposed one
  wgOfficial: 'wg_official',
  administrator: 'administrator',
} as const satisfies Record<string, Role | null>;
export type PersonaName = keyof typeof PERSONA_ROLES;
export const PERSONA_NAMES = Object.keys(PERSONA_ROLES) as PersonaName[];

/** The enquiry states the world holds, one enquiry each, all hosted by school A. */
export const ENQUIRY_STATES = ['proposed', 'making_sense', 'report_drafted', 'follow_up', 'closed'] as const;
export type WorldEnquiryState = (typeof ENQUIRY_STATES)[number];
/** The plan states the world holds, one round each, all LA plans of A's LA. */
export const PLAN_STATES = ['draft', 'submitted', 'final'] as const;

export async function buildScopeWorld(db: Db) {
  const schoolA = await buildSchool(db, { laCode: LA.own, number: `${LA.own}8101`, name: 'Ysgol A' });
  const schoolB = await buildSchool(db, { laCode: LA.own, number: `${LA.own}8102`, name: 'Ysgol B' });
  const partner = await buildSchool(db, { laCode: LA.own, number: `${LA.own}8103`, name: 'Ysgol P' });
  const collaborative = await buildCollaborative(db, {
    laCode: LA.own,
    members: [schoolA, partner],
    nameEn: 'Walker cluster',
    nameCy: 'Clwstwr y cerddwr',
  });
  const partnership = await buildPartnership(db, [LA.own, LA.partner]);

  const scopeOf: Record<PersonaName, string | null> = {
    anonymous: null,
    noRole: null,
    headteacher: schoolA.number,
    schoolLeader: schoolA.number,
    practitioner: schoolA.number,
    governor: schoolA.governingBodyId,
    chairOfGovernors: schoolA.governingBodyId,
    clerk: schoolA.governingBodyId,
    strangerHeadteacher: schoolB.number,
    collaborativeLead: collaborative.id,
    laFacilitator: LA.own,
    improvementPartner: LA.own,
    laOfficer: LA.own,
    otherLaOfficer: LA.other,
    partnershipCoordinator: partnership.id,
    enquiryFacilitator: partner.number,
    reviewer: partner.number,
    wgOfficial: null,
    administrator: null,
  };
  const people = {} as Record<PersonaName, string | null>;
  for (const name of PERSONA_NAMES) {
    if (name === 'anonymous') {
      people[name] = null;
      continue;
    }
    const role = PERSONA_ROLES[name];
    const user = await buildUser(db, {
      email: `${name.toLowerCase()}@walker.test`,
      ...(role ? { role, scopeId: scopeOf[name] } : {}),
    });
    people[name] = user.id;
  }
  await db
    .insert(collaborativeFacilitators)
    .values({ collaborativeId: collaborative.id, userId: people.laFacilitator! });

  const team = {
    facilitatorId: people.enquiryFacilitator!,
    reviewers: [{ userId: people.reviewer!, schoolNumber: partner.number }],
  };
  const enquiries = {} as Record<WorldEnquiryState, string>;
  for (const state of ENQUIRY_STATES) {
    // A proposed enquiry has no team yet: the convenors agree one.
    const enquiry = await buildEnquiry(db, {
      collaborativeId: collaborative.id,
      hostSchoolNumber: schoolA.number,
      state,
      ...(state === 'proposed' ? {} : team),
    });
    enquiries[state] = enquiry.id;
  }

  // One round per plan: an LA has one plan in a round.
  const plans = {} as Record<(typeof PLAN_STATES)[number], string>;
  for (const state of PLAN_STATES) {
    const round = await buildRound(db, { titleEn: `Round for a ${state} plan` });
    plans[state] = (
      await buildLaPlan(db, { roundId: round.id, laCode: LA.own, state, sharedWithLas: state === 'final' })
    ).id;
  }
  const round = await buildRound(db, { titleEn: 'An open round' });

  const concernCase = await buildConcernCase(db, {
    schoolNumber: schoolA.number,
    laCode: LA.own,
    createdBy: people.laOfficer!,
  });
  const caseStudies = {
    schoolDraft: (await buildCaseStudy(db, { schoolNumber: schoolA.number, status: 'draft' })).id,
    schoolPublished: (await buildCaseStudy(db, { schoolNumber: schoolA.number, status: 'published' })).id,
    laDraft: (await buildCaseStudy(db, { laCode: LA.own, status: 'draft' })).id,
  };

  return {
    schoolA,
    schoolB,
    partner,
    collaborative,
    partnership,
    people,
    enquiries,
    plans,
    round,
    concernCase,
    caseStudies,
  };
}
export type ScopeWorld = Awaited<ReturnType<typeof buildScopeWorld>>;
