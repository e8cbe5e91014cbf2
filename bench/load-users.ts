// The load bench's people: `count` accounts across the roles that use the service day to day, in
// the proportions they would (school staff most, WG fewest), spread over many schools and several
// LAs, every one with the demo password so each signs in through the real form.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { DEMO_PASSWORD, DEMO_SCHOOL } from '../src/demo/demo-data.ts';
import { hashPassword } from '../src/lib/passwords.ts';
import { scopeOf, type Role } from '../src/policy/roles.ts';

export type LoadRole = Extract<
  Role,
  | 'headteacher'
  | 'school_leader'
  | 'practitioner'
  | 'governor'
  | 'collaborative_lead'
  | 'la_officer'
  | 'improvement_partner'
  | 'wg_official'
>;

/** Shares of the population by role (they add up to 1). */
const MIX: [LoadRole, number][] = [
  ['headteacher', 0.18],
  ['school_leader', 0.14],
  ['practitioner', 0.24],
  ['governor', 0.14],
  ['collaborative_lead', 0.05],
  ['la_officer', 0.09],
  ['improvement_partner', 0.09],
  ['wg_official', 0.07],
];

/** How many LAs the LA staff are spread over (Cardiff, home of the collaborative, always one of them). */
const LA_COUNT = 6;
/** Schools each LA officer or improvement partner looks at in turn. */
const SCHOOLS_PER_LA_VISITOR = 5;

export type LoadUser = {
  email: string;
  role: LoadRole;
  language: 'en' | 'cy';
  /** The school they work in or govern. */
  school: string | null;
  /** The LA they work for. */
  la: string | null;
  /** The collaborative whose space they use (as member staff, lead or facilitator). */
  collaborative: string | null;
  /** Schools of their LA an LA officer or improvement partner visits. */
  visits: string[];
};

/** How many of each role make up `count` people (largest remainders, so the counts add up). */
export function roleCounts(count: number): Map<LoadRole, number> {
  const exact = MIX.map(([role, share]) => ({ role, n: count * share }));
  const counts = new Map(exact.map((e) => [e.role, Math.floor(e.n)]));
  const left = count - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort((a, b) => (b.n % 1) - (a.n % 1)).slice(0, left))
    counts.set(e.role, counts.get(e.role)! + 1);
  return counts;
}

type Rows<T> = { rows: T[] };
async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

/** Every few schools, one from the collaborative, so some staff use its space and most are spread over Wales. */
function schoolPool(members: string[], others: string[], size: number): string[] {
  const spread = others.filter((_, i) => i % Math.max(1, Math.floor(others.length / size)) === 0);
  const pool: string[] = [DEMO_SCHOOL];
  const queue = { members: members.filter((n) => n !== DEMO_SCHOOL), spread };
  while (pool.length < size) {
    const preferMembers = pool.length % 4 === 0 && queue.members.length > 0;
    const next = (preferMembers ? queue.members : queue.spread).shift() ?? queue.members.shift();
    if (next === undefined) break;
    pool.push(next);
  }
  return pool;
}

/** Plans the population from the built data: who they are and where they work. */
async function planUsers(db: Db, count: number, collaborative: string): Promise<LoadUser[]> {
  const members = (
    await rows<{ n: string }>(
      db,
      sql`select school_number as n from collaborative_members where collaborative_id = ${collaborative} order by school_number`,
    )
  ).map((r) => r.n);
  const open = await rows<{ n: string; la: string }>(
    db,
    sql`select s.number as n, s.la_code as la from schools s join cycles c on c.school_number = s.number where s.open order by s.number`,
  );
  const others = open.filter((s) => !members.includes(s.n)).map((s) => s.n);
  const las = [...new Set(open.map((s) => s.la))].sort();
  const step = Math.max(1, Math.floor(las.length / LA_COUNT));
  const chosenLas = ['681', ...las.filter((la, i) => la !== '681' && i % step === 0)].slice(0, LA_COUNT);
  const counts = roleCounts(count);
  const schoolRoles: LoadRole[] = ['headteacher', 'school_leader', 'practitioner', 'governor'];
  const schoolPeople = schoolRoles.reduce((n, r) => n + counts.get(r)!, 0);
  const pool = schoolPool(members, others, schoolPeople);
  const users: LoadUser[] = [];
  let nextSchool = 0;
  for (const [role] of MIX) {
    for (let i = 0; i < counts.get(role)!; i++) {
      const n = users.length + 1;
      const user: LoadUser = {
        email: `load-${n}-${role.replace('_', '-')}@bench.cydwella.test`,
        role,
        language: n % 3 === 0 ? 'cy' : 'en',
        school: null,
        la: null,
        collaborative: null,
        visits: [],
      };
      if (schoolRoles.includes(role)) {
        user.school = pool[nextSchool++ % pool.length]!;
        if (role !== 'governor' && members.includes(user.school)) user.collaborative = collaborative;
      } else if (role === 'collaborative_lead') {
        user.collaborative = collaborative;
      } else if (role === 'la_officer' || role === 'improvement_partner') {
        user.la = chosenLas[i % chosenLas.length]!;
        const inLa = open.filter((s) => s.la === user.la).map((s) => s.n);
        user.visits = Array.from(
          { length: Math.min(SCHOOLS_PER_LA_VISITOR, inLa.length) },
          (_, k) => inLa[(i * SCHOOLS_PER_LA_VISITOR + k) % inLa.length]!,
        );
        // Cardiff's improvement partners facilitate the collaborative, as the demo's partner does.
        if (role === 'improvement_partner' && user.la === '681') user.collaborative = collaborative;
      }
      users.push(user);
    }
  }
  return users;
}

function scopeIdOf(user: LoadUser): string | null {
  if (user.role === 'governor') return `GB${user.school}`;
  if (scopeOf(user.role) === 'school') return user.school;
  if (user.role === 'collaborative_lead') return user.collaborative;
  return user.la;
}

/** Plans and inserts `count` bench users; returns them for the virtual users to sign in as. */
export async function createLoadUsers(db: Db, count: number, collaborative: string): Promise<LoadUser[]> {
  const users = await planUsers(db, count, collaborative);
  // One hash for all: argon2 hashes carry their own salt, and 200 hashes would cost a minute of CPU.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of users) {
    const [row] = await rows<{ id: string }>(
      db,
      sql`insert into users (email, display_name, password_hash, preferred_language) values (${u.email}, ${`Bench ${u.role} ${u.email.split('-')[1]}`}, ${passwordHash}, ${u.language}) returning id`,
    );
    await db.execute(
      sql`insert into role_assignments (user_id, role, scope_type, scope_id) values (${row!.id}, ${u.role}, ${scopeOf(u.role)}, ${scopeIdOf(u)})`,
    );
    if (u.role === 'improvement_partner' && u.collaborative) {
      await db.execute(
        sql`insert into collaborative_facilitators (collaborative_id, user_id) values (${u.collaborative}, ${row!.id})`,
      );
    }
  }
  return users;
}
