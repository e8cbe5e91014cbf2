import type { Language } from '../../plugins/i18n.ts';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { presentErrors, text } from '../../lib/forms.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { todayInWales } from '../../lib/clock.ts';
import { BoundedInteger, FormText, INT4_MAX } from '../../lib/request-schemas.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../db/client.ts';
import * as repo from './vision-repository.ts';
import { saveVision, type VisionInput } from './vision-service.ts';

const field = FormText(20_000);
const datePart = FormText(20);
/** The form as typed; the service decides what is acceptable and says so on the page. */
export const VisionBody = Type.Object({
  basedOn: BoundedInteger(0, INT4_MAX),
  text: field,
  language: field,
  agreedWith: field,
  'agreedOn-day': datePart,
  'agreedOn-month': datePart,
  'agreedOn-year': datePart,
});
export const DoneQuery = Type.Object({ done: FormText(20) });

export const view = (name: string) => `features/vision/views/${name}.njk`;

function readInput(body: Static<typeof VisionBody>): VisionInput {
  return {
    text: text(body.text),
    language: text(body.language),
    agreedWith: text(body.agreedWith),
    agreedOn: {
      day: text(body['agreedOn-day']),
      month: text(body['agreedOn-month']),
      year: text(body['agreedOn-year']),
    },
  };
}

/** The form's starting values: the current vision, to be changed (a new version), or a blank one. */
export function formValues(current: repo.Vision | null, lang: string): VisionInput & { basedOn: number } {
  return {
    basedOn: current?.number ?? 0,
    text: current?.text ?? '',
    language: current?.language ?? lang,
    agreedWith: current?.agreedWith ?? '',
    agreedOn: dateToParts(current?.agreedOn),
  };
}

/** The vision page's model: the current vision (the newest version) and every version before it. */
export async function visionPageModel(db: Db, owner: repo.VisionOwner, done: string | undefined, reader: Language) {
  const history = (await repo.visionHistory(db, owner)).map((v) => readerVision(v, reader)!);
  return { vision: history[0] ?? null, history, done: done === 'saved' ? done : null };
}

/** A vision with its texts as this reader sees them (issue 16), for the vision macros. */
export function readerVision<V extends repo.Vision>(vision: V | null, reader: Language) {
  return vision ? withReaderTexts(vision, ['text', 'agreedWith'], reader) : null;
}

/**
 * Saves the posted form as a new version and redirects to `pageHref`, or shows the form again: 400
 * with the problems, 409 with the version someone saved meanwhile beside this writer's.
 */
export async function handleVisionPost(
  deps: { db: Db; clock: Clock },
  request: FastifyRequest<{ Body: Static<typeof VisionBody> }>,
  reply: FastifyReply,
  owner: repo.VisionOwner,
  page: { href: string; template: string; model: Record<string, unknown> },
) {
  const input = readInput(request.body);
  const now = deps.clock.now();
  const result = await saveVision(
    deps.db,
    request.user!.id,
    owner,
    request.body.basedOn,
    input,
    now,
    todayInWales(now),
  );
  if (result.ok) return reply.redirect(`${page.href}?done=saved`, 303);
  const model = { ...page.model, title: request.t('vision.editTitle'), action: page.href, cancelHref: page.href };
  if (result.reason === 'invalid')
    return reply.status(400).page(view(page.template), {
      ...model,
      values: { ...input, basedOn: request.body.basedOn },
      ...presentErrors(result.errors, request.t),
    });
  const theirs = result.current;
  return reply.status(409).page(view(page.template), {
    ...model,
    values: { ...input, basedOn: theirs?.number ?? 0 },
    conflict: [
      { label: request.t('vision.fields.text'), theirs: theirs?.text ?? '', yours: input.text },
      { label: request.t('vision.fields.agreedWith'), theirs: theirs?.agreedWith ?? '', yours: input.agreedWith },
    ],
    errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
  });
}
