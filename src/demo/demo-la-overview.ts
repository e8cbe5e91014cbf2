import type { Db } from '../db/client.ts';
import { SCHOOLS as S } from './demo-collaboratives.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { insertLaOverviewDemo } from './demo-la-overview-repository.ts';

/** Schools that share their priorities with their LA as well as their collaboratives, so both LAs' local pictures have substance. */
const SHARE_PRIORITIES_WITH_LA = {
  '681': [S.lakeside, S.llanedeyrn, S.springwood, S.glyncoed, S.penYGroes, S.yWern, S.plasmawr, S.glantaf],
  '670': [S.pontarddulaisPrimary, S.bryniago, S.pontarddulaisComp, S.brynTawe],
} as const;
/** Schools whose self-evaluation strength is shared with the LA (what the LA sees before any school makes an offer). */
const SHARE_STRENGTH_WITH_LA = [S.yWern, S.springwood, S.pontlliw];
/** Plan actions due soon or overdue on a priority shared with the LA, for the improvement partners' caseloads. */
const ACTIONS: [school: string, description: string, owner: string, inDays: number][] = [
  [S.lakeside, 'Model written reasoning in every Year 5 and 6 maths lesson', 'Maths lead', 12],
  [S.llanedeyrn, 'First-day calls home for every absence in Years 1 to 3', 'Family liaison officer', -4],
  [S.springwood, 'Share reasoning prompts with the collaborative', 'Deputy headteacher', 20],
  [S.pontarddulaisPrimary, 'Reading fluency checks for Year 3 after half-term', 'Literacy lead', 9],
  [S.pontarddulaisComp, 'Year 7 reading intervention groups start', 'Head of English', -2],
];

const day = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The LA overview's demo data: what schools of Cardiff and Swansea share with their LA. */
export async function loadDemoLaOverview(db: Db, ctx: DemoLaContext): Promise<void> {
  const shares = [];
  for (const schools of Object.values(SHARE_PRIORITIES_WITH_LA)) {
    for (const school of schools) {
      const sketch = ctx.sketches.get(school);
      if (!sketch) continue;
      shares.push(
        ...sketch.priorityIds.map((itemId) => ({
          itemType: 'priority',
          itemId,
          schoolNumber: school,
          audience: 'la',
          audienceId: '',
          sharedBy: null,
        })),
      );
    }
  }
  for (const school of SHARE_STRENGTH_WITH_LA) {
    const sketch = ctx.sketches.get(school);
    if (sketch)
      shares.push({
        itemType: 'finding',
        itemId: sketch.findingId,
        schoolNumber: school,
        audience: 'la',
        audienceId: '',
        sharedBy: null,
      });
  }
  if (shares.length) await insertLaOverviewDemo.shares(db, shares);
  const actions = ACTIONS.flatMap(([school, description, owner, inDays]) => {
    const priorityId = ctx.sketches.get(school)?.priorityIds[0];
    return priorityId
      ? [
          {
            priorityId,
            description,
            owner,
            startOn: day(ctx.now, -30),
            dueOn: day(ctx.now, inDays),
            status: 'in_progress',
            language: 'en',
          },
        ]
      : [];
  });
  if (actions.length) await insertLaOverviewDemo.actions(db, actions);
}
