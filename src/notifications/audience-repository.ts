// The SQL behind audience.ts: people holding given roles in a given place, active accounts only.
import { and, eq, inArray, ne, notInArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  collaborativeFacilitators,
  collaborativeMembers,
  enquiryReviewers,
  peerEnquiries,
  roleAssignments,
  schools,
  shares,
  users,
} from '../db/schema/index.ts';
import { FINAL_STATES } from '../policy/enquiry-states.ts';
import type { Role, ScopeType } from '../policy/roles.ts';

async function holders(db: Db, roles: readonly Role[], where: SQL | undefined): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(users.active, true), inArray(roleAssignments.role, [...roles]), where));
  return rows.map((r) => r.id);
}

/** Active people holding one of the roles in this scope (a school, governing body, LA, collaborative). */
export const holdersIn = (db: Db, roles: readonly Role[], scopeType: ScopeType, scopeId: string) =>
  holders(db, roles, and(eq(roleAssignments.scopeType, scopeType), eq(roleAssignments.scopeId, scopeId)));

/** Active people holding one of the roles in any scope of this type (every headteacher in Wales; WG). */
export const holdersAnywhere = (db: Db, roles: readonly Role[], scopeType: ScopeType) =>
  holders(db, roles, eq(roleAssignments.scopeType, scopeType));

/** Of the people a change named, those still active and holding one of the roles. */
export async function namedHolders(db: Db, roles: readonly Role[], ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return holders(db, roles, inArray(roleAssignments.userId, [...ids]));
}

/** Active people holding one of the roles in a member school of the collaborative (but `except`). */
export async function memberSchoolHolders(
  db: Db,
  roles: readonly Role[],
  collaborativeId: string,
  except: string | null,
): Promise<string[]> {
  const members = db
    .select({ number: collaborativeMembers.schoolNumber })
    .from(collaborativeMembers)
    .where(
      and(
        eq(collaborativeMembers.collaborativeId, collaborativeId),
        except ? ne(collaborativeMembers.schoolNumber, except) : undefined,
      ),
    );
  return holders(db, roles, and(eq(roleAssignments.scopeType, 'school'), inArray(roleAssignments.scopeId, members)));
}

/** The collaborative's facilitators who still hold one of the (LA staff) roles. */
export async function facilitatorsOf(db: Db, roles: readonly Role[], collaborativeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: collaborativeFacilitators.userId })
    .from(collaborativeFacilitators)
    .where(eq(collaborativeFacilitators.collaborativeId, collaborativeId));
  return namedHolders(
    db,
    roles,
    rows.map((r) => r.id),
  );
}

/** The school's governing body, if it has one. */
export async function governingBodyOf(db: Db, schoolNumber: string): Promise<string | null> {
  const [row] = await db.select({ id: schools.governingBodyId }).from(schools).where(eq(schools.number, schoolNumber));
  return row?.id ?? null;
}

/**
 * The enquiry's reviewers, while it is open (a reviewer's access ends when it closes: enquiry-policy),
 * who still hold one of the roles in the school they review from.
 */
export async function openEnquiryReviewers(db: Db, roles: readonly Role[], enquiryId: string): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(enquiryReviewers)
    .innerJoin(peerEnquiries, eq(peerEnquiries.id, enquiryReviewers.enquiryId))
    .innerJoin(users, eq(users.id, enquiryReviewers.userId))
    .innerJoin(
      roleAssignments,
      and(
        eq(roleAssignments.userId, enquiryReviewers.userId),
        eq(roleAssignments.scopeType, 'school'),
        eq(roleAssignments.scopeId, enquiryReviewers.schoolNumber),
      ),
    )
    .where(
      and(
        eq(enquiryReviewers.enquiryId, enquiryId),
        notInArray(peerEnquiries.state, [...FINAL_STATES]),
        eq(users.active, true),
        inArray(roleAssignments.role, [...roles]),
      ),
    );
  return rows.map((r) => r.id);
}

/** The enquiry's facilitator, while it is open, if they still hold one of the (LA staff) roles. */
export async function openEnquiryFacilitator(db: Db, roles: readonly Role[], enquiryId: string): Promise<string[]> {
  const [row] = await db
    .select({ id: peerEnquiries.facilitatorId })
    .from(peerEnquiries)
    .where(and(eq(peerEnquiries.id, enquiryId), notInArray(peerEnquiries.state, [...FINAL_STATES])));
  return row?.id ? namedHolders(db, roles, [row.id]) : [];
}

/** Is this share still in place? Withdrawn sharing tells nobody. */
export async function shareInPlace(
  db: Db,
  key: { itemType: string; itemId: string; audience: string; audienceId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ itemId: shares.itemId })
    .from(shares)
    .where(
      and(
        eq(shares.itemType, key.itemType),
        eq(shares.itemId, key.itemId),
        eq(shares.audience, key.audience),
        eq(shares.audienceId, key.audienceId),
      ),
    );
  return !!row;
}
