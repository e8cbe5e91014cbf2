import { Type } from '@sinclair/typebox';
import type { Language } from '../../plugins/i18n.ts';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { FormText, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import { inspectionCan } from './inspection-policy.ts';
import type { linkedPriorities, Recommendation } from './inspection-repository.ts';

export const signedIn = { access: { signedIn: true } } as const;
export const SchoolParams = Type.Object({ number: SchoolNumber });
export const RecommendationParams = Type.Object({ number: SchoolNumber, id: Uuid });
/** A form field as typed; the service decides what is acceptable and says so on the page. */
export const field = FormText(20_000);
export const view = (name: string) => `features/inspection/views/${name}.njk`;
export const base = (ctx: SchoolRequestContext) => `/schools/${ctx.school.number}/inspection`;

/** What every inspection page passes to the school layout. */
export function inspectionModel(ctx: SchoolRequestContext) {
  return { school: ctx.school, schoolCan: ctx.can, schoolSection: 'inspection', inspectionCan: inspectionCan(ctx.can) };
}

type Linked = Awaited<ReturnType<typeof linkedPriorities>>[number];

/** Each recommendation with the priorities (that this reader may see) addressing it. */
export function presentRecommendations(recommendations: Recommendation[], linked: Linked[], reader: Language) {
  return recommendations.map((r) => ({
    ...withReaderTexts(r, ['text'], reader),
    priorities: linked.filter((p) => p.recommendationId === r.id).map((p) => withReaderTexts(p, ['title'], reader)),
  }));
}
