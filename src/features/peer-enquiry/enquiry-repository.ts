import { and, asc, desc, eq, inArray, ne, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborativeFacilitators,
  collaborativeMembers,
  enquiryFindings,
  enquiryFollowUps,
  enquiryNotes,
  enquiryPackItems,
  enquiryReviewers,
  evidence,
  findings,
  peerEnquiries,
  planActions,
  priorities,
  roleAssignments,
  schools,
  users,
} from '../../db/schema/index.ts';

export type Enquiry = typeof peerEnquiries.$inferSelect;
export type EnquiryValues = Partial<
  Omit<typeof peerEnquiries.$inferInsert, 'id' | 'collaborativeId' | 'createdAt' | 'updatedAt' | 'version'>
>;
export type EnquiryNote = typeof enquiryNotes.$inferSelect;
export type PackType = 'evidence' | 'finding' | 'priority';

const STAFF_ROLES = ['headteacher', 'school_leader', 'practitioner'];
const LEADER_ROLES = ['headteacher', 'school_leader'];

/** Every enquiry of the collaborative, newest first, with its host's name. */
export async function listEnquiries(db: Db, collaborativeId: string) {
  return db
    .select({
      id: peerEnquiries.id,
      question: peerEnquiries.question,
      language: peerEnquiries.language,
      otherLanguage: peerEnquiries.otherLanguage,
      state: peerEnquiries.state,
      nifThemes: peerEnquiries.nifThemes,
      visitStart: peerEnquiries.visitStart,
      visitEnd: peerEnquiries.visitEnd,
      hostSchoolNumber: peerEnquiries.hostSchoolNumber,
      hostName: schools.name,
    })
    .from(peerEnquiries)
    .innerJoin(schools, eq(schools.number, peerEnquiries.hostSchoolNumber))
    .where(eq(peerEnquiries.collaborativeId, collaborativeId))
    .orderBy(desc(peerEnquiries.createdAt));
}

/** One enquiry of this collaborative with its host and facilitator's names, or null. */
export async function insertEnquiry(
  db: Db,
  values: EnquiryValues & { collaborativeId: string; hostSchoolNumber: string; question: string },
) {
  const [row] = await db.insert(peerEnquiries).values(values).returning();
  return row!;
}

/** Saves only if nobody saved since `version`; null on a conflict. */
export async function updateEnquiry(
  db: Db,
  id: string,
  version: number,
  values: EnquiryValues,
  now: Date,
): Promise<Enquiry | null> {
  const [row] = await db
    .update(peerEnquiries)
    .set({ ...values, updatedAt: now, version: sql`${peerEnquiries.version} + 1` })
    .where(and(eq(peerEnquiries.id, id), eq(peerEnquiries.version, version)))
    .returning();
  return row ?? null;
}

export async function findEnquiryRow(db: Db, id: string): Promise<Enquiry | null> {
  const [row] = await db.select().from(peerEnquiries).where(eq(peerEnquiries.id, id));
  return row ?? null;
}

/** The collaborative's member schools, less the host when one is named. */
const otherMembers = (collaborativeId: string, hostSchoolNumber: string | null) =>
  and(
    eq(collaborativeMembers.collaborativeId, collaborativeId),
    hostSchoolNumber ? ne(collaborativeMembers.schoolNumber, hostSchoolNumber) : undefined,
  );

/** Member schools other than the host: where reviewers and follow-up support come from. */
export async function partnerSchools(db: Db, collaborativeId: string, hostSchoolNumber: string | null) {
  return db
    .select({ number: schools.number, name: schools.name })
    .from(collaborativeMembers)
    .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
    .where(otherMembers(collaborativeId, hostSchoolNumber))
    .orderBy(asc(schools.name));
}

/** Active staff of partner schools (never the host's): who may review. One row per person and school. */
export async function reviewerCandidates(db: Db, collaborativeId: string, hostSchoolNumber: string) {
  return db
    .selectDistinct({
      userId: users.id,
      displayName: users.displayName,
      schoolNumber: schools.number,
      schoolName: schools.name,
    })
    .from(collaborativeMembers)
    .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
    .innerJoin(
      roleAssignments,
      and(eq(roleAssignments.scopeId, schools.number), inArray(roleAssignments.role, STAFF_ROLES)),
    )
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.active, true)))
    .where(otherMembers(collaborativeId, hostSchoolNumber))
    .orderBy(asc(schools.name), asc(users.displayName));
}

/** Who may facilitate: the collaborative's leads and LA facilitators, and leaders of partner schools. */
export async function facilitatorCandidates(db: Db, collaborativeId: string, hostSchoolNumber: string) {
  const partners = db
    .select({ n: collaborativeMembers.schoolNumber })
    .from(collaborativeMembers)
    .where(otherMembers(collaborativeId, hostSchoolNumber));
  const facilitators = db
    .select({ id: collaborativeFacilitators.userId })
    .from(collaborativeFacilitators)
    .where(eq(collaborativeFacilitators.collaborativeId, collaborativeId));
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        sql`(
      (${roleAssignments.role} = 'collaborative_lead' and ${roleAssignments.scopeId} = ${collaborativeId})
      or (${inArray(roleAssignments.role, LEADER_ROLES)} and ${inArray(roleAssignments.scopeId, partners)})
      or ${inArray(users.id, facilitators)})`,
      ),
    )
    .orderBy(asc(users.displayName));
}

export async function replaceReviewers(db: Db, enquiryId: string, rows: { userId: string; schoolNumber: string }[]) {
  await db.delete(enquiryReviewers).where(eq(enquiryReviewers.enquiryId, enquiryId));
  if (rows.length) await db.insert(enquiryReviewers).values(rows.map((r) => ({ ...r, enquiryId })));
}

/** Items of the host's cycle that could go in the pack, newest first within each kind. */
export async function packCandidates(db: Db, schoolNumber: string, cycleId: string) {
  const [evidenceRows, findingRows, priorityRows] = await Promise.all([
    db
      .select({
        id: evidence.id,
        title: evidence.title,
        language: evidence.language,
        otherLanguage: evidence.otherLanguage,
      })
      .from(evidence)
      .where(and(eq(evidence.schoolNumber, schoolNumber), eq(evidence.cycleId, cycleId), eq(evidence.archived, false)))
      .orderBy(desc(evidence.observedOn)),
    db
      .select({
        id: findings.id,
        title: findings.title,
        language: findings.language,
        otherLanguage: findings.otherLanguage,
      })
      .from(findings)
      .where(and(eq(findings.schoolNumber, schoolNumber), eq(findings.cycleId, cycleId)))
      .orderBy(desc(findings.createdAt)),
    db
      .select({
        id: priorities.id,
        title: priorities.title,
        language: priorities.language,
        otherLanguage: priorities.otherLanguage,
      })
      .from(priorities)
      .where(and(eq(priorities.schoolNumber, schoolNumber), eq(priorities.cycleId, cycleId)))
      .orderBy(desc(priorities.createdAt)),
  ]);
  return { evidence: evidenceRows, finding: findingRows, priority: priorityRows };
}

export async function packItemKeys(db: Db, enquiryId: string) {
  return db
    .select({ itemType: enquiryPackItems.itemType, itemId: enquiryPackItems.itemId })
    .from(enquiryPackItems)
    .where(eq(enquiryPackItems.enquiryId, enquiryId));
}

export async function insertPackItems(
  db: Db,
  enquiryId: string,
  addedBy: string,
  items: { itemType: PackType; itemId: string }[],
) {
  if (items.length)
    await db
      .insert(enquiryPackItems)
      .values(items.map((i) => ({ ...i, enquiryId, addedBy })))
      .onConflictDoNothing();
}

export async function deletePackItems(db: Db, enquiryId: string, items: { itemType: PackType; itemId: string }[]) {
  for (const item of items) {
    await db
      .delete(enquiryPackItems)
      .where(
        and(
          eq(enquiryPackItems.enquiryId, enquiryId),
          eq(enquiryPackItems.itemType, item.itemType),
          eq(enquiryPackItems.itemId, item.itemId),
        ),
      );
  }
}

/** The item is in this enquiry's pack (pack item ids are text, as share ids are). */
const inPack = (enquiryId: string, type: PackType, idColumn: SQLWrapper) =>
  sql`${idColumn}::text in (select ${enquiryPackItems.itemId} from ${enquiryPackItems} where ${enquiryPackItems.enquiryId} = ${enquiryId} and ${enquiryPackItems.itemType} = ${type})`;

/** What the host put in the pack, read in full, for the team's read-only view. */
export async function packContents(db: Db, enquiryId: string, schoolNumber: string) {
  const [evidenceRows, findingRows, priorityRows] = await Promise.all([
    db
      .select({
        id: evidence.id,
        title: evidence.title,
        body: evidence.body,
        source: evidence.source,
        observedOn: evidence.observedOn,
        language: evidence.language,
        otherLanguage: evidence.otherLanguage,
      })
      .from(evidence)
      .where(and(eq(evidence.schoolNumber, schoolNumber), inPack(enquiryId, 'evidence', evidence.id)))
      .orderBy(desc(evidence.observedOn)),
    db
      .select({
        id: findings.id,
        title: findings.title,
        body: findings.body,
        kind: findings.kind,
        language: findings.language,
        otherLanguage: findings.otherLanguage,
      })
      .from(findings)
      .where(and(eq(findings.schoolNumber, schoolNumber), inPack(enquiryId, 'finding', findings.id)))
      .orderBy(asc(findings.kind)),
    db
      .select({
        id: priorities.id,
        title: priorities.title,
        description: priorities.description,
        language: priorities.language,
        otherLanguage: priorities.otherLanguage,
      })
      .from(priorities)
      .where(and(eq(priorities.schoolNumber, schoolNumber), inPack(enquiryId, 'priority', priorities.id)))
      .orderBy(asc(priorities.title)),
  ]);
  return { evidence: evidenceRows, finding: findingRows, priority: priorityRows };
}

/** Notes with their authors' names, oldest first; only one author's when `authorId` is given. */
export async function listNotes(db: Db, enquiryId: string, authorId?: string) {
  return db
    .select({ note: enquiryNotes, authorName: users.displayName })
    .from(enquiryNotes)
    .innerJoin(users, eq(users.id, enquiryNotes.authorId))
    .where(and(eq(enquiryNotes.enquiryId, enquiryId), authorId ? eq(enquiryNotes.authorId, authorId) : undefined))
    .orderBy(asc(enquiryNotes.observedOn), asc(enquiryNotes.createdAt));
}

export async function findNote(db: Db, enquiryId: string, id: string): Promise<EnquiryNote | null> {
  const [row] = await db
    .select()
    .from(enquiryNotes)
    .where(and(eq(enquiryNotes.id, id), eq(enquiryNotes.enquiryId, enquiryId)));
  return row ?? null;
}

export type NoteValues = Pick<EnquiryNote, 'observedOn' | 'activity' | 'hostColleague' | 'body' | 'language'>;

export async function insertNote(db: Db, values: NoteValues & { enquiryId: string; authorId: string }) {
  const [row] = await db.insert(enquiryNotes).values(values).returning();
  return row!;
}

export async function updateNote(
  db: Db,
  id: string,
  version: number,
  values: NoteValues,
  now: Date,
): Promise<EnquiryNote | null> {
  const [row] = await db
    .update(enquiryNotes)
    .set({ ...values, updatedAt: now, version: sql`${enquiryNotes.version} + 1` })
    .where(and(eq(enquiryNotes.id, id), eq(enquiryNotes.version, version)))
    .returning();
  return row ?? null;
}

export async function listFindings(db: Db, enquiryId: string) {
  return db
    .select({
      id: enquiryFindings.id,
      kind: enquiryFindings.kind,
      text: enquiryFindings.text,
      language: enquiryFindings.language,
      otherLanguage: enquiryFindings.otherLanguage,
      authorName: users.displayName,
    })
    .from(enquiryFindings)
    .leftJoin(users, eq(users.id, enquiryFindings.createdBy))
    .where(eq(enquiryFindings.enquiryId, enquiryId))
    .orderBy(asc(enquiryFindings.kind), asc(enquiryFindings.createdAt));
}

export async function insertFinding(
  db: Db,
  values: { enquiryId: string; kind: string; text: string; language: string; createdBy: string },
) {
  const [row] = await db.insert(enquiryFindings).values(values).returning();
  return row!;
}

export async function listFollowUps(db: Db, enquiryId: string) {
  return db
    .select({
      id: enquiryFollowUps.id,
      description: enquiryFollowUps.description,
      language: enquiryFollowUps.language,
      otherLanguage: enquiryFollowUps.otherLanguage,
      dueOn: enquiryFollowUps.dueOn,
      supportingSchoolName: schools.name,
      planActionId: enquiryFollowUps.planActionId,
      priorityTitle: priorities.title,
    })
    .from(enquiryFollowUps)
    .leftJoin(schools, eq(schools.number, enquiryFollowUps.supportingSchoolNumber))
    .leftJoin(planActions, eq(planActions.id, enquiryFollowUps.planActionId))
    .leftJoin(priorities, eq(priorities.id, planActions.priorityId))
    .where(eq(enquiryFollowUps.enquiryId, enquiryId))
    .orderBy(asc(enquiryFollowUps.createdAt));
}

export async function insertFollowUp(db: Db, values: typeof enquiryFollowUps.$inferInsert) {
  const [row] = await db.insert(enquiryFollowUps).values(values).returning();
  return row!;
}
