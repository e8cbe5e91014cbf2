import {
  aliasedTable,
  and,
  arrayOverlaps,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborativeMembers,
  collaboratives,
  concernCases,
  nationalPriorities,
  cycles,
  evidence,
  findingEvidence,
  findings,
  priorities,
  priorityFindings,
  schoolProfiles,
  schools,
  supportAgreements,
  supportOffers,
  supportRequests,
} from '../../db/schema/index.ts';
import type { Candidate, SchoolFacts } from './match-rules.ts';

export type Profile = typeof schoolProfiles.$inferSelect;
export type Offer = typeof supportOffers.$inferSelect;
export type SupportRequest = typeof supportRequests.$inferSelect;
export type Agreement = typeof supportAgreements.$inferSelect;

const num = (v: string | null) => (v === null ? null : Number(v));
const REQUESTABLE_STATES = ['agreed', 'in_progress'];
// Written out in full: in a one-table select Drizzle leaves columns unqualified, and `finding_id` would name the subquery's own.
const evidenceCount = sql<number>`(select count(*)::int from finding_evidence fe where fe.finding_id = "support_offers"."finding_id")`;
// Open concern cases: such a school is left out of suggestions, silently.
const causingConcern = (schoolNumber: SQL | typeof schools.number) =>
  sql`exists (select 1 from ${concernCases} where ${concernCases.schoolNumber} = ${schoolNumber} and ${concernCases.state} <> 'exited')`;

// ---- profile
export async function findProfile(db: Db, schoolNumber: string): Promise<Profile | null> {
  const [row] = await db.select().from(schoolProfiles).where(eq(schoolProfiles.schoolNumber, schoolNumber));
  return row ?? null;
}

export type ProfileValues = Pick<Profile, 'efsmThreeYear' | 'alnPercent' | 'ealPercent' | 'context' | 'language'>;

export async function insertProfile(
  db: Db,
  schoolNumber: string,
  values: ProfileValues,
  userId: string,
): Promise<Profile | null> {
  const [row] = await db
    .insert(schoolProfiles)
    .values({ schoolNumber, ...values, updatedBy: userId })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Saves only if nobody saved since `version`; null on a conflict. */
export async function updateProfile(
  db: Db,
  schoolNumber: string,
  version: number,
  values: ProfileValues,
  userId: string,
  now: Date,
): Promise<Profile | null> {
  const [row] = await db
    .update(schoolProfiles)
    .set({ ...values, updatedBy: userId, updatedAt: now, version: sql`${schoolProfiles.version} + 1` })
    .where(and(eq(schoolProfiles.schoolNumber, schoolNumber), eq(schoolProfiles.version, version)))
    .returning();
  return row ?? null;
}

// ---- offers
/** The school's strengths of this year's cycle, with how much evidence each rests on: what it may offer. */
export async function strengthFindings(db: Db, schoolNumber: string, academicYear: number) {
  return db
    .select({
      id: findings.id,
      title: findings.title,
      body: findings.body,
      nifTheme: findings.nifTheme,
      language: findings.language,
      otherLanguage: findings.otherLanguage,
      evidenceCount: sql<number>`(select count(*)::int from finding_evidence fe where fe.finding_id = "findings"."id")`,
    })
    .from(findings)
    .innerJoin(cycles, eq(cycles.id, findings.cycleId))
    .where(
      and(
        eq(findings.schoolNumber, schoolNumber),
        eq(findings.kind, 'strength'),
        eq(cycles.academicYear, academicYear),
      ),
    )
    .orderBy(asc(findings.createdAt));
}

/** Areas of Learning and Experience of the evidence a finding rests on. */
export async function areasOfFindings(db: Db, findingIds: string[]): Promise<string[]> {
  if (!findingIds.length) return [];
  const rows = await db
    .selectDistinct({ area: sql<string>`unnest(${evidence.areas})` })
    .from(findingEvidence)
    .innerJoin(evidence, eq(evidence.id, findingEvidence.evidenceId))
    .where(inArray(findingEvidence.findingId, findingIds));
  return rows.map((r) => r.area).sort();
}

/** The areas of the evidence behind a priority's findings: what "the same Area" means for a request. */
export async function priorityAreas(db: Db, priorityId: string): Promise<string[]> {
  const rows = await db
    .select({ id: priorityFindings.findingId })
    .from(priorityFindings)
    .where(eq(priorityFindings.priorityId, priorityId));
  return areasOfFindings(
    db,
    rows.map((r) => r.id),
  );
}

export type OfferValues = Pick<
  typeof supportOffers.$inferInsert,
  'findingId' | 'title' | 'description' | 'nifTheme' | 'areas' | 'nationalPriorities' | 'language'
>;

export async function offersOf(db: Db, schoolNumber: string) {
  return db
    .select({ offer: supportOffers, evidenceCount })
    .from(supportOffers)
    .where(eq(supportOffers.schoolNumber, schoolNumber))
    .orderBy(asc(supportOffers.status), desc(supportOffers.createdAt));
}

export async function findOffer(db: Db, schoolNumber: string, id: string): Promise<Offer | null> {
  const [row] = await db
    .select()
    .from(supportOffers)
    .where(and(eq(supportOffers.id, id), eq(supportOffers.schoolNumber, schoolNumber)));
  return row ?? null;
}

export async function insertOffer(db: Db, values: typeof supportOffers.$inferInsert): Promise<Offer> {
  const [row] = await db.insert(supportOffers).values(values).returning();
  return row!;
}

export async function setOfferStatus(
  db: Db,
  id: string,
  version: number,
  status: string,
  now: Date,
): Promise<Offer | null> {
  const [row] = await db
    .update(supportOffers)
    .set({ status, updatedAt: now, version: sql`${supportOffers.version} + 1` })
    .where(and(eq(supportOffers.id, id), eq(supportOffers.version, version)))
    .returning();
  return row ?? null;
}

// ---- requests
/** A priority of this year's cycle that is agreed or in progress: one a school may ask support for. */
export async function requestablePriority(db: Db, schoolNumber: string, priorityId: string, academicYear: number) {
  const [row] = await db
    .select({
      id: priorities.id,
      title: priorities.title,
      nifTheme: priorities.nifTheme,
      nationalPriorities: priorities.nationalPriorities,
      language: priorities.language,
      otherLanguage: priorities.otherLanguage,
      state: priorities.state,
    })
    .from(priorities)
    .innerJoin(cycles, eq(cycles.id, priorities.cycleId))
    .where(
      and(
        eq(priorities.id, priorityId),
        eq(priorities.schoolNumber, schoolNumber),
        eq(cycles.academicYear, academicYear),
        inArray(priorities.state, REQUESTABLE_STATES),
      ),
    );
  return row ?? null;
}

/** Active collaboratives the school belongs to: the brokers it may choose besides its LA. */
export async function collaborativesOf(db: Db, schoolNumber: string) {
  return db
    .select({ id: collaboratives.id, nameEn: collaboratives.nameEn, nameCy: collaboratives.nameCy })
    .from(collaboratives)
    .innerJoin(collaborativeMembers, eq(collaborativeMembers.collaborativeId, collaboratives.id))
    .where(and(eq(collaborativeMembers.schoolNumber, schoolNumber), eq(collaboratives.status, 'active')))
    .orderBy(asc(collaboratives.nameEn));
}

export async function insertRequest(db: Db, values: typeof supportRequests.$inferInsert): Promise<SupportRequest> {
  const [row] = await db.insert(supportRequests).values(values).returning();
  return row!;
}

export async function findRequest(db: Db, id: string): Promise<SupportRequest | null> {
  const [row] = await db.select().from(supportRequests).where(eq(supportRequests.id, id));
  return row ?? null;
}

/** Moves a request on only from the state and version it was read in; null if someone got there first. */
export async function moveRequest(
  db: Db,
  id: string,
  from: { status: string; version?: number },
  status: string,
  now: Date,
): Promise<SupportRequest | null> {
  const [row] = await db
    .update(supportRequests)
    .set({ status, updatedAt: now, version: sql`${supportRequests.version} + 1` })
    .where(
      and(
        eq(supportRequests.id, id),
        eq(supportRequests.status, from.status),
        from.version === undefined ? undefined : eq(supportRequests.version, from.version),
      ),
    )
    .returning();
  return row ?? null;
}

const requestColumns = {
  request: supportRequests,
  schoolName: schools.name,
  schoolLa: schools.laCode,
  priorityTitle: priorities.title,
  priorityLanguage: priorities.language,
  priorityOtherLanguage: priorities.otherLanguage,
  nifTheme: priorities.nifTheme,
  nationalPriorities: priorities.nationalPriorities,
  brokerEn: collaboratives.nameEn,
  brokerCy: collaboratives.nameCy,
};

function requestsWhere(where: SQL | undefined) {
  return (db: Db) =>
    db
      .select(requestColumns)
      .from(supportRequests)
      .innerJoin(schools, eq(schools.number, supportRequests.schoolNumber))
      .innerJoin(priorities, eq(priorities.id, supportRequests.priorityId))
      .leftJoin(collaboratives, eq(collaboratives.id, supportRequests.brokerCollaborativeId))
      .where(where)
      .orderBy(asc(supportRequests.createdAt));
}
export type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsWhere>>>[number];

export const requestsOfSchool = (db: Db, schoolNumber: string) =>
  requestsWhere(eq(supportRequests.schoolNumber, schoolNumber))(db);

/** Requests the LA brokers for its own schools (those not given to a collaborative), in the given states. */
export const requestsBrokeredByLa = (db: Db, laCode: string, statuses: string[]) =>
  requestsWhere(
    and(
      eq(schools.laCode, laCode),
      isNull(supportRequests.brokerCollaborativeId),
      inArray(supportRequests.status, statuses),
    ),
  )(db);

/**
 * Every open request from the LA's schools, whoever brokers it (the LA, or a collaborative it was
 * given to). The LA's overview counts these and its brokering page lists the same rows, so the two
 * never disagree about how many schools wait.
 */
export const openRequestsOfLaSchools = (db: Db, laCode: string) =>
  requestsWhere(and(eq(schools.laCode, laCode), eq(supportRequests.status, 'open')))(db);

export const requestsBrokeredByCollaborative = (db: Db, collaborativeId: string, statuses: string[]) =>
  requestsWhere(
    and(eq(supportRequests.brokerCollaborativeId, collaborativeId), inArray(supportRequests.status, statuses)),
  )(db);

export async function findRequestRow(db: Db, id: string): Promise<RequestRow | null> {
  const [row] = await requestsWhere(eq(supportRequests.id, id))(db);
  return row ?? null;
}

// ---- matching
export async function schoolFacts(db: Db, schoolNumber: string): Promise<SchoolFacts | null> {
  const [row] = await db
    .select({
      number: schools.number,
      laCode: schools.laCode,
      sector: schools.sector,
      pupils: schools.pupils,
      wmCode: schools.wmCode,
      languageCategory: schools.languageCategory,
      religiousCharacter: schools.religiousCharacter,
      efsm: schoolProfiles.efsmThreeYear,
    })
    .from(schools)
    .leftJoin(schoolProfiles, eq(schoolProfiles.schoolNumber, schools.number))
    .where(eq(schools.number, schoolNumber));
  return row ? { ...row, efsm: num(row.efsm) } : null;
}

/** Schools that share an active collaborative with this one. */
export async function collaborativePartners(db: Db, schoolNumber: string): Promise<string[]> {
  const mine = db
    .select({ id: collaborativeMembers.collaborativeId })
    .from(collaborativeMembers)
    .innerJoin(collaboratives, eq(collaboratives.id, collaborativeMembers.collaborativeId))
    .where(and(eq(collaborativeMembers.schoolNumber, schoolNumber), eq(collaboratives.status, 'active')));
  const rows = await db
    .selectDistinct({ number: collaborativeMembers.schoolNumber })
    .from(collaborativeMembers)
    .where(
      and(inArray(collaborativeMembers.collaborativeId, mine), ne(collaborativeMembers.schoolNumber, schoolNumber)),
    );
  return rows.map((r) => r.number);
}

/**
 * Active offers of open schools in any LA that answer the need (same NIF theme, or a national
 * priority or Area in common), without the requesting school and schools causing concern.
 * Only what a broker may see: the offer the school chose to share, directory facts, profile figures.
 */
export async function candidateOffers(
  db: Db,
  need: { schoolNumber: string; nifTheme: string | null; nationalPriorities: string[]; areas: string[] },
): Promise<
  (Candidate & { profile: { aln: number | null; eal: number | null; context: string; language: string } | null })[]
> {
  const answers = [
    need.nifTheme ? eq(supportOffers.nifTheme, need.nifTheme) : undefined,
    need.nationalPriorities.length
      ? arrayOverlaps(supportOffers.nationalPriorities, need.nationalPriorities)
      : undefined,
    need.areas.length ? arrayOverlaps(supportOffers.areas, need.areas) : undefined,
  ].filter(Boolean);
  if (!answers.length) return [];
  const rows = await db
    .select({ offer: supportOffers, evidenceCount, school: schools, profile: schoolProfiles })
    .from(supportOffers)
    .innerJoin(schools, eq(schools.number, supportOffers.schoolNumber))
    .leftJoin(schoolProfiles, eq(schoolProfiles.schoolNumber, schools.number))
    .where(
      and(
        eq(supportOffers.status, 'active'),
        eq(schools.open, true),
        ne(supportOffers.schoolNumber, need.schoolNumber),
        sql`not ${causingConcern(schools.number)}`,
        or(...answers),
      ),
    );
  return rows.map((r) => ({
    school: {
      number: r.school.number,
      name: r.school.name,
      laCode: r.school.laCode,
      sector: r.school.sector,
      pupils: r.school.pupils,
      wmCode: r.school.wmCode,
      languageCategory: r.school.languageCategory,
      religiousCharacter: r.school.religiousCharacter,
      efsm: num(r.profile?.efsmThreeYear ?? null),
    },
    offer: {
      id: r.offer.id,
      title: r.offer.title,
      description: r.offer.description,
      nifTheme: r.offer.nifTheme,
      nationalPriorities: r.offer.nationalPriorities,
      areas: r.offer.areas,
      language: r.offer.language,
      otherLanguage: r.offer.otherLanguage,
    },
    evidenceCount: r.evidenceCount,
    profile: r.profile
      ? {
          aln: num(r.profile.alnPercent),
          eal: num(r.profile.ealPercent),
          context: r.profile.context,
          language: r.profile.language,
        }
      : null,
  }));
}

/** An open school, by number, for a broker's own choice of supporter. */
export async function findOpenSchool(db: Db, number: string) {
  const [row] = await db
    .select({ number: schools.number, name: schools.name })
    .from(schools)
    .where(and(eq(schools.number, number), eq(schools.open, true)));
  return row ?? null;
}

export async function isCausingConcern(db: Db, number: string): Promise<boolean> {
  const [row] = await db.select({ yes: sql<boolean>`${causingConcern(sql`${number}`)}` }).from(sql`(select 1) as one`);
  return !!row?.yes;
}

// ---- agreements
export async function insertAgreement(db: Db, values: typeof supportAgreements.$inferInsert): Promise<Agreement> {
  const [row] = await db.insert(supportAgreements).values(values).returning();
  return row!;
}

const supporter = aliasedTable(schools, 'supporting_school');
const requester = aliasedTable(schools, 'requesting_school');
const agreementColumns = {
  agreement: supportAgreements,
  need: supportRequests.need,
  needLanguage: supportRequests.language,
  needOtherLanguage: supportRequests.otherLanguage,
  requestStatus: supportRequests.status,
  requestingSchoolNumber: supportRequests.schoolNumber,
  requestingSchoolName: requester.name,
  supportingSchoolName: supporter.name,
};
const agreementsWhere = (db: Db, where: SQL | undefined) =>
  db
    .select(agreementColumns)
    .from(supportAgreements)
    .innerJoin(supportRequests, eq(supportRequests.id, supportAgreements.requestId))
    .innerJoin(requester, eq(requester.number, supportRequests.schoolNumber))
    .innerJoin(supporter, eq(supporter.number, supportAgreements.supportingSchoolNumber))
    .where(where)
    .orderBy(desc(supportAgreements.createdAt));
export type AgreementRow = Awaited<ReturnType<typeof agreementsWhere>>[number];

export const agreementsReceived = (db: Db, schoolNumber: string) =>
  agreementsWhere(db, eq(supportRequests.schoolNumber, schoolNumber));
export const agreementsGiven = (db: Db, schoolNumber: string) =>
  agreementsWhere(db, eq(supportAgreements.supportingSchoolNumber, schoolNumber));
export const agreementsOfRequests = (db: Db, requestIds: string[]) =>
  requestIds.length ? agreementsWhere(db, inArray(supportAgreements.requestId, requestIds)) : Promise.resolve([]);

export async function findReceivedAgreement(db: Db, schoolNumber: string, id: string): Promise<AgreementRow | null> {
  const [row] = await agreementsWhere(
    db,
    and(eq(supportAgreements.id, id), eq(supportRequests.schoolNumber, schoolNumber)),
  );
  return row ?? null;
}

export async function recordImpact(
  db: Db,
  id: string,
  version: number,
  impact: string,
  language: string,
  now: Date,
): Promise<Agreement | null> {
  const [row] = await db
    .update(supportAgreements)
    .set({
      impact,
      language,
      // Recorded in the other language: the old other-language texts are now the original's language, so they go.
      otherLanguage: sql`case when ${supportAgreements.language} = ${language} then ${supportAgreements.otherLanguage} else '{}'::jsonb end`,
      status: 'completed',
      impactRecordedAt: now,
      updatedAt: now,
      version: sql`${supportAgreements.version} + 1`,
    })
    .where(and(eq(supportAgreements.id, id), eq(supportAgreements.version, version)))
    .returning();
  return row ?? null;
}

/** Brokered support a school received or gave that ran in a period (or was agreed in it, when it has no dates). */
export async function brokeredSupportInPeriod(db: Db, schoolNumber: string, from: string, to: string) {
  const ran = or(
    and(gte(supportAgreements.startsOn, from), lte(supportAgreements.startsOn, to)),
    and(gte(supportAgreements.endsOn, from), lte(supportAgreements.endsOn, to)),
    and(
      isNull(supportAgreements.startsOn),
      isNull(supportAgreements.endsOn),
      sql`${supportAgreements.createdAt}::date between ${from} and ${to}`,
    ),
  );
  return agreementsWhere(
    db,
    and(
      or(eq(supportRequests.schoolNumber, schoolNumber), eq(supportAgreements.supportingSchoolNumber, schoolNumber)),
      ran,
    ),
  );
}

export async function nationalPriorityNames(db: Db) {
  return db
    .select({ code: nationalPriorities.code, nameEn: nationalPriorities.nameEn, nameCy: nationalPriorities.nameCy })
    .from(nationalPriorities)
    .orderBy(asc(nationalPriorities.supporting), asc(nationalPriorities.code));
}
