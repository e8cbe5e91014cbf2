// The answer form, shared by the public link and the service: its request schema and its page model.
import { Type } from '@sinclair/typebox';
import { FormText } from '../../lib/request-schemas.ts';
import { AGREEMENT_VALUES, SLO_DIMENSIONS, sloElement } from './slo-model.ts';
import type { Question } from './survey-repository.ts';
import { COMMENT_MAX } from './survey-service.ts';

/** The most questions a survey has: the SLO model's 49 elements, with room for a school's own later. */
export const MAX_QUESTIONS = 60;
const answer = Type.Optional(Type.String({ pattern: '^[0-5]?$', maxLength: 1 }));

/** `q1`..`q60`: a value "0" ("don't know") to "5" per question position; anything else is a 400. */
export const AnswerBody = Type.Object({
  ...Object.fromEntries(Array.from({ length: MAX_QUESTIONS }, (_, i) => [`q${i + 1}`, answer])),
  comment: FormText(COMMENT_MAX),
});
export type AnswerFields = Record<string, string | undefined>;

export const answersOf = (body: AnswerFields): Record<number, string | undefined> =>
  Object.fromEntries(Array.from({ length: MAX_QUESTIONS }, (_, i) => [i + 1, body[`q${i + 1}`]]));

/** The statements grouped by dimension, in the reader's language, each with its field and value. */
export function formModel(questions: Question[], lang: 'en' | 'cy', values: AnswerFields = {}) {
  const groups = SLO_DIMENSIONS.map((d) => ({
    code: d.code,
    name: d.name[lang],
    statements: [] as { name: string; text: string; value: string | undefined }[],
  }));
  for (const q of questions) {
    const element = q.code ? sloElement(q.code) : null;
    const group = element && groups.find((g) => g.code === element.dimension);
    if (!element || !group) continue;
    const name = `q${q.position}`;
    group.statements.push({ name, text: element.statement[lang], value: values[name] });
  }
  return {
    groups: groups.filter((g) => g.statements.length),
    scale: AGREEMENT_VALUES,
    comment: values.comment ?? '',
    commentMax: COMMENT_MAX,
  };
}
