import type { LaContext } from '../access/loaders/la.ts';

/** The model every page of the LA area passes to its layout. */
export function laModel(ctx: LaContext, laSection: string) {
  return { la: ctx.la, laName: ctx.laName, laCan: ctx.can, laSection, activeNav: 'localImprovement' };
}
