import type { Db } from '../../src/db/client.ts';
import {
  collaborativeFacilitators,
  collaborativeMembers,
  collaboratives,
  laPartnershipMembers,
  laPartnerships,
  roleAssignments,
} from '../../src/db/schema/index.ts';
import { buildUser, type TestUser } from './factories.ts';
import { buildSchool } from './school-factories.ts';

type School = Awaited<ReturnType<typeof buildSchool>>;
let sequence = 0;

/** A collaborative with its member schools, as an LA officer would have set it up. */
export async function buildCollaborative(
  db: Db,
  options: {
    kind?: 'vertical' | 'horizontal';
    laCode?: string;
    members: School[];
    status?: string;
    basis?: string | null;
    nameEn?: string;
    nameCy?: string;
  },
) {
  sequence++;
  const kind = options.kind ?? 'vertical';
  const [row] = await db
    .insert(collaboratives)
    .values({
      kind,
      nameEn: options.nameEn ?? `Test cluster ${sequence}`,
      nameCy: options.nameCy ?? `Clwstwr prawf ${sequence}`,
      laCode: options.laCode ?? options.members[0]?.laCode ?? '681',
      status: options.status ?? 'active',
      basis: options.basis !== undefined ? options.basis : kind === 'horizontal' ? 'phase' : null,
    })
    .returning();
  if (options.members.length)
    await db
      .insert(collaborativeMembers)
      .values(options.members.map((m) => ({ collaborativeId: row!.id, schoolNumber: m.number })));
  return row!;
}

/** Makes an existing user a lead of the collaborative. */
export async function makeLead(db: Db, collaborativeId: string, user: TestUser) {
  await db
    .insert(roleAssignments)
    .values({ userId: user.id, role: 'collaborative_lead', scopeType: 'collaborative', scopeId: collaborativeId });
}

/** An improvement partner of the LA who facilitates the collaborative. */
export async function buildFacilitator(db: Db, collaborativeId: string, laCode: string): Promise<TestUser> {
  const user = await buildUser(db, { role: 'improvement_partner', scopeId: laCode });
  await db.insert(collaborativeFacilitators).values({ collaborativeId, userId: user.id });
  return user;
}

/** An LA partnership of the given LAs. */
export async function buildPartnership(db: Db, laCodes: string[], kind: 'operational' | 'specific' = 'operational') {
  sequence++;
  const [row] = await db
    .insert(laPartnerships)
    .values({ kind, nameEn: `Test partnership ${sequence}`, nameCy: `Partneriaeth prawf ${sequence}` })
    .returning();
  await db.insert(laPartnershipMembers).values(laCodes.map((laCode) => ({ partnershipId: row!.id, laCode })));
  return row!;
}
