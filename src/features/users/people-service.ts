// Schools, LAs and Welsh Government run their own people (issue 14): granting a role at a place (a
// new account gets the set-password email; an existing one gains the role, nothing else about it is
// shown), setting its end date, removing it, and applying a checked CSV upload in one transaction.
// Every decision is mayGrant / mayRevoke (src/policy/people-policy.ts); every change is audited.
// Removing a role deletes the assignment only: what the person wrote stays theirs.
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { todayInWales } from '../../lib/clock.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { mayGrant, mayRevoke, PAGE_ROLES, scopeIdAt, type PeoplePlace } from '../../policy/people-policy.ts';
import { isRole, scopeOf, type CurrentUser, type Role } from '../../policy/roles.ts';
import { looksLikeFormula, type Column, type CsvRow } from './people-csv.ts';
import * as repo from './people-repository.ts';
import * as users from './user-repository.ts';
import { issueLink, sendLink, type IssuedLink, type UserServiceDeps } from './user-service.ts';

/** How long a previewed upload waits for its apply. */
export const UPLOAD_HOURS = 2;

export type GrantInput = {
  email: string;
  displayName: string;
  preferredLanguage: string;
  role: string;
  school: string;
  endsOn: string | null;
};
/** A checked grant: the role, where it is held, its scope. */
export type Grant = GrantInput & { role: Role; place: PeoplePlace; scopeId: string | null };

/** The key an upload is kept under: the page's place. */
export function placeKey(place: PeoplePlace): string {
  if (place.kind === 'school') return `school:${place.school.number}`;
  return place.kind === 'la' ? `la:${place.laCode}` : 'national';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where a role given on this page is held: the page's place, or, for a headteacher on an LA's page, the school named. */
async function placeFor(
  db: Db,
  page: PeoplePlace,
  role: Role,
  school: string,
): Promise<PeoplePlace | 'schoolMissing' | 'schoolUnknown'> {
  if (page.kind !== 'la' || role !== 'headteacher') return page;
  if (!school) return 'schoolMissing';
  const found = /^\d{7}$/.test(school) ? await repo.findSchoolInLa(db, school, page.laCode) : null;
  return found ? { kind: 'school', school: found } : 'schoolUnknown';
}

/** Checks one grant: errors keyed by field (the form's names), or the grant. */
export async function checkGrant(
  db: Db,
  actor: CurrentUser,
  page: PeoplePlace,
  input: GrantInput,
  today: string,
): Promise<{ errors: FieldErrors; grant?: Grant }> {
  const errors: FieldErrors = {};
  if (!input.email) errors.email = 'people.errors.emailMissing';
  else if (!EMAIL.test(input.email) || input.email.length > 320) errors.email = 'people.errors.emailInvalid';
  const existing = errors.email ? null : await users.findAccountByEmail(db, input.email);
  if (!existing && !input.displayName) errors.displayName = 'people.errors.nameMissing';
  else if (input.displayName.length > 200) errors.displayName = 'people.errors.nameTooLong';
  if (input.preferredLanguage !== 'en' && input.preferredLanguage !== 'cy')
    errors.preferredLanguage = 'people.errors.languageMissing';
  if (input.endsOn !== null && input.endsOn < today) errors.endsOn = 'people.errors.endsOnPast';
  const pageRoles: readonly string[] = PAGE_ROLES[page.kind];
  if (!isRole(input.role) || !pageRoles.includes(input.role)) {
    errors.role = isRole(input.role) ? 'people.errors.roleNotAllowed' : 'people.errors.roleMissing';
    return { errors };
  }
  const place = await placeFor(db, page, input.role, input.school);
  if (typeof place === 'string') return { errors: { ...errors, school: `people.errors.${place}` } };
  const scopeId = scopeIdAt(input.role, place);
  if (scopeId === undefined || !mayGrant(actor, input.role, place)) errors.role = 'people.errors.roleNotAllowed';
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, grant: { ...input, role: input.role, place, scopeId: scopeId ?? null } };
}

type NewAccount = { email: string; displayName: string; preferredLanguage: string; url: string; expiresAt: Date };

/** Gives each grant in one transaction; then sends the set-password emails of the accounts it made. */
export async function applyGrants(
  deps: UserServiceDeps,
  actorId: string,
  grants: Grant[],
  log: (err: unknown) => void,
  // More to do in the same transaction (forgetting the upload the grants came from).
  alsoWithin?: (tx: Db) => Promise<void>,
): Promise<{ links: IssuedLink[] }> {
  const now = deps.clock.now();
  const made = await deps.db.transaction(async (tx) => {
    const accounts: NewAccount[] = [];
    for (const g of grants) {
      let user: { id: string } | null = await users.findAccountByEmail(tx, g.email);
      if (!user) {
        user = await users.insertUser(tx, {
          email: g.email,
          displayName: g.displayName,
          preferredLanguage: g.preferredLanguage,
        });
        await appendAudit(tx, {
          actorId,
          action: 'user-create',
          entityType: 'user',
          entityId: user.id,
          after: { email: g.email, displayName: g.displayName, preferredLanguage: g.preferredLanguage },
        });
        const link = await issueLink(tx, user.id, deps.publicUrl, now);
        accounts.push({ email: g.email, displayName: g.displayName, preferredLanguage: g.preferredLanguage, ...link });
      }
      const assignment = {
        userId: user.id,
        role: g.role,
        scopeType: scopeOf(g.role),
        scopeId: g.scopeId,
        endsOn: g.endsOn,
      };
      const before = await repo.upsertAssignment(tx, assignment);
      await appendAudit(tx, {
        actorId,
        action: before ? 'role-end-date' : 'role-assign',
        entityType: 'user',
        entityId: user.id,
        ...(before ? { before: { ...assignment, endsOn: before.endsOn } } : {}),
        after: assignment,
      });
    }
    await alsoWithin?.(tx);
    return accounts;
  });
  const links: IssuedLink[] = [];
  for (const account of made)
    links.push({
      url: account.url,
      expiresAt: account.expiresAt,
      emailed: await sendLink(deps, account, account.url, log),
    });
  return { links };
}

/** The assignment named, if it is on this page and the actor may change it: 'absent' (404) or 'forbidden' (403). */
export async function changeableAssignment(
  db: Db,
  actor: CurrentUser,
  page: PeoplePlace,
  userId: string,
  assignmentId: string,
) {
  const found = await repo.findAssignmentAt(db, page, userId, assignmentId);
  if (!found || !isRole(found.role)) return 'absent' as const;
  const place =
    page.kind === 'la' && found.role === 'headteacher'
      ? await placeFor(db, page, found.role, found.scopeId ?? '')
      : page;
  if (typeof place === 'string') return 'absent' as const;
  if (!mayRevoke(actor, userId, found.role, place)) return 'forbidden' as const;
  return found;
}

export async function setEndDate(
  db: Db,
  actorId: string,
  a: { id: string; userId: string; role: string; scopeId: string | null; endsOn: string | null },
  endsOn: string | null,
) {
  await db.transaction(async (tx) => {
    await repo.setEndsOn(tx, a.id, endsOn);
    await appendAudit(tx, {
      actorId,
      action: 'role-end-date',
      entityType: 'user',
      entityId: a.userId,
      before: { role: a.role, scopeId: a.scopeId, endsOn: a.endsOn },
      after: { role: a.role, scopeId: a.scopeId, endsOn },
    });
  });
}

export async function removeRole(
  db: Db,
  actorId: string,
  a: { id: string; userId: string; role: string; scopeType: string; scopeId: string | null; endsOn: string | null },
) {
  await db.transaction(async (tx) => {
    await repo.deleteAssignmentById(tx, a.id);
    await appendAudit(tx, { actorId, action: 'role-remove', entityType: 'user', entityId: a.userId, before: a });
  });
}

/** A problem in one cell of an upload: its line in the file, its column, and the catalogue key. */
export type CellProblem = { line: number; column: Column; key: string; duplicateOf?: number };

const FIELD_COLUMN: Record<string, Column> = {
  email: 'email',
  displayName: 'name',
  role: 'role',
  school: 'school',
  endsOn: 'ends_on',
};

/** YYYY-MM-DD or DD/MM/YYYY, a real date; null when blank; undefined when it is not a date. */
function csvDate(cell: string): string | null | undefined {
  const value = cell.trim();
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = m[1]!.length === 4 ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d) || Number(y) > 2100) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Checks every row of an upload: the grants it would make, and every problem by line and column. */
export async function checkUpload(
  db: Db,
  actor: CurrentUser,
  page: PeoplePlace,
  rows: CsvRow[],
  now: Date,
  // New accounts' language: the uploader's, as they read the preview.
  language: string,
) {
  const today = todayInWales(now);
  const problems: CellProblem[] = [];
  const grants: Grant[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const formulas = (Object.keys(FIELD_COLUMN).map((f) => FIELD_COLUMN[f]!) as Column[]).filter((c) =>
      looksLikeFormula(row[c]),
    );
    if (formulas.length > 0) {
      for (const column of formulas) problems.push({ line: row.line, column, key: 'people.upload.problems.formula' });
      continue;
    }
    const endsOn = csvDate(row.ends_on);
    if (endsOn === undefined) {
      problems.push({ line: row.line, column: 'ends_on', key: 'people.upload.problems.dateInvalid' });
      continue;
    }
    const input: GrantInput = {
      email: row.email.trim(),
      displayName: row.name.trim(),
      preferredLanguage: language,
      role: row.role.trim(),
      school: row.school.trim(),
      endsOn,
    };
    const key = `${input.email.toLowerCase()}|${input.role}|${input.school}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line: row.line, column: 'email', key: 'people.upload.problems.duplicate', duplicateOf: first });
      continue;
    }
    seen.set(key, row.line);
    const { errors, grant } = await checkGrant(db, actor, page, input, today);
    for (const [field, message] of Object.entries(errors))
      problems.push({ line: row.line, column: FIELD_COLUMN[field] ?? 'email', key: message });
    if (grant) grants.push(grant);
  }
  return { grants, problems };
}

/** Keeps an upload's parsed rows for its apply; returns its id. */
export async function holdUpload(db: Db, userId: string, place: string, rows: CsvRow[], now: Date) {
  return db.transaction((tx) => repo.insertUpload(tx, { userId, place, rows, createdAt: now }));
}

/** Gives an upload's roles and forgets the upload (and this person's stale ones), all audited. */
export async function applyUpload(
  deps: UserServiceDeps,
  actorId: string,
  uploadId: string,
  grants: Grant[],
  staleBefore: Date,
  log: (err: unknown) => void,
) {
  return applyGrants(deps, actorId, grants, log, async (tx) => {
    await repo.deleteUploads(tx, actorId, uploadId, staleBefore);
    await appendAudit(tx, {
      actorId,
      action: 'people-upload-apply',
      entityType: 'user',
      entityId: actorId,
      after: { rows: grants.length },
    });
  });
}

/**
 * Removes every role whose end date has passed, each audited as ended (by nobody: by its date).
 * Sessions stop counting a role the day after its end date; this daily job then takes it out of
 * the table, so every list, picker and audience that reads the table forgets it too.
 */
export async function endPastRoles(db: Db, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await repo.assignmentsEndedBefore(tx, today);
    for (const a of ended) {
      await repo.deleteAssignmentById(tx, a.id);
      await appendAudit(tx, { actorId: null, action: 'role-ended', entityType: 'user', entityId: a.userId, before: a });
    }
    return ended.length;
  });
}
