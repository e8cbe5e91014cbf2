import { appendAudit } from '../audit/audit-repository.ts';
import type { Db } from '../db/client.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { demoWales } from './demo-wales-practice-repository.ts';

/**
 * Issue 7 demo: two LA partnerships. The collaboration demo already has the specific South Wales
 * Welsh-medium partnership (681, 670, 672, 674) and its coordinator; this adds an operational one
 * (Cardiff and the Vale of Glamorgan sharing a school improvement service) and shared staff for both.
 */
export async function loadDemoPartnerships(
  db: Db,
  ctx: DemoLaContext,
): Promise<{ operational: string; welshMedium: string | null }> {
  const officer = ctx.c.people('officer');
  const operational = await demoWales.partnership(
    db,
    {
      kind: 'operational',
      nameEn: 'Cardiff and Vale of Glamorgan shared school improvement service',
      nameCy: 'Gwasanaeth gwella ysgolion ar y cyd Caerdydd a Bro Morgannwg',
      purpose:
        'One school improvement service for both authorities: improvement partners shared across the border, joint professional learning and brokering support between schools.',
      services:
        'Improvement partners for schools in both authorities\nJoint professional learning programme\nBrokering school-to-school support\nData and self-evaluation support for collaboratives',
      startsOn: '2024-04-01',
      endsOn: null,
      language: 'en',
    },
    ['681', '673'],
  );
  await demoWales.staff(db, [
    {
      partnershipId: operational,
      name: 'Nia Roberts',
      post: 'Head of the shared improvement service',
      employingLaCode: '681',
    },
    { partnershipId: operational, name: 'Tom Hughes', post: 'Improvement partner (secondary)', employingLaCode: '673' },
    {
      partnershipId: operational,
      name: 'Anwen Price',
      post: 'Professional learning coordinator',
      employingLaCode: '681',
    },
  ]);
  const welshMedium = await demoWales.partnershipNamed(db, 'South Wales Welsh-medium education partnership');
  if (welshMedium) {
    await demoWales.staff(db, [
      {
        partnershipId: welshMedium,
        name: 'Dafydd Lewis',
        post: 'Welsh-medium secondary adviser',
        employingLaCode: '670',
      },
      { partnershipId: welshMedium, name: 'Sioned Thomas', post: 'Immersion education lead', employingLaCode: '674' },
    ]);
  }
  await appendAudit(db, {
    actorId: officer,
    action: 'partnership-create',
    entityType: 'la_partnership',
    entityId: operational,
    after: { demo: true },
  });
  return { operational, welshMedium };
}
