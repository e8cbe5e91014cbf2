import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { todayInWales } from '../../lib/clock.ts';
import { validateSupportForm, type SupportForm } from './support-form.ts';
import { recordEvent } from '../../notifications/events-repository.ts';
import * as repo from './support-repository.ts';

export type SupportSave =
  | { ok: true; offer: repo.SupportOffer }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'conflict'; current: repo.SupportOffer };
export type Choices = { priorityCodes: readonly string[]; programmeCodes: readonly string[] };

const snapshot = (o: repo.SupportOffer) => ({
  kind: o.kind,
  titleEn: o.titleEn,
  titleCy: o.titleCy,
  descriptionEn: o.descriptionEn,
  descriptionCy: o.descriptionCy,
  nationalPriorities: o.nationalPriorities,
  programmeCode: o.programmeCode,
  url: o.url,
  publishedOn: o.publishedOn,
  withdrawnOn: o.withdrawnOn,
});

export async function publishOffer(db: Db, actorId: string, form: SupportForm, choices: Choices): Promise<SupportSave> {
  const validation = validateSupportForm(form, choices.priorityCodes, choices.programmeCodes);
  if (!validation.ok) return { ok: false, reason: 'invalid', errors: validation.errors };
  return db.transaction(async (tx) => {
    const offer = await repo.insertOffer(tx, validation.values, actorId);
    await appendAudit(tx, {
      actorId,
      action: 'national-support-publish',
      entityType: 'national_support_offer',
      entityId: offer.id,
      after: snapshot(offer),
    });
    await recordEvent(tx, {
      kind: 'national_support_published',
      actorId,
      subject: { type: 'national_support_offer', id: offer.id },
      link: '/national-priorities',
      params: { title: offer.titleEn, titleCy: offer.titleCy },
    });
    return { ok: true as const, offer };
  });
}

/** Saves an edit unless someone saved since `version` (then both versions are shown). */
export async function editOffer(
  db: Db,
  actorId: string,
  before: repo.SupportOffer,
  version: number,
  form: SupportForm,
  choices: Choices,
  now: Date,
): Promise<SupportSave> {
  const validation = validateSupportForm(form, choices.priorityCodes, choices.programmeCodes);
  if (!validation.ok) return { ok: false, reason: 'invalid', errors: validation.errors };
  return db.transaction(async (tx) => {
    const offer = await repo.updateOffer(tx, before.id, version, validation.values, now);
    if (!offer)
      return { ok: false as const, reason: 'conflict' as const, current: (await repo.findOffer(tx, before.id))! };
    await appendAudit(tx, {
      actorId,
      action: 'national-support-update',
      entityType: 'national_support_offer',
      entityId: offer.id,
      before: snapshot(before),
      after: snapshot(offer),
    });
    return { ok: true as const, offer };
  });
}

/** Withdraws (today) or reinstates an offer; null when it was already in that state. */
export async function setOfferWithdrawn(
  db: Db,
  actorId: string,
  before: repo.SupportOffer,
  withdraw: boolean,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const offer = await repo.setOfferWithdrawn(tx, before.id, withdraw ? todayInWales(now) : null, now);
    if (!offer) return null;
    await appendAudit(tx, {
      actorId,
      action: withdraw ? 'national-support-withdraw' : 'national-support-reinstate',
      entityType: 'national_support_offer',
      entityId: offer.id,
      before: snapshot(before),
      after: snapshot(offer),
    });
    return offer;
  });
}
