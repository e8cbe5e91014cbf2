// The set-up page's model, shared by the account page and the set-up during sign-in.
import type { TFunction } from 'i18next';
import { beginSetUp } from './two-factor-service.ts';
import { groupedSecret, qrCodeSvg } from './totp.ts';
import { setUpSecret } from './two-factor-service.ts';

/** A fresh secret, or the one the form carried back when the code was wrong (so the app stays right). */
export async function setUpModel(
  key: Buffer,
  user: { id: string; email: string },
  now: Date,
  t: TFunction,
  carried?: string,
) {
  const kept = carried ? setUpSecret(key, user.id, carried, now) : null;
  const { secret, sealed } = kept && carried ? { secret: kept, sealed: carried } : beginSetUp(key, user.id, now);
  return {
    qrCode: await qrCodeSvg(secret, user.email, t('twoFactor.setUp.qrLabel')),
    secret: groupedSecret(secret),
    sealed,
  };
}
