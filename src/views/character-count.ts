import type { FastifyRequest } from 'fastify';

/**
 * GOV.UK Frontend's character count in the reader's language: its defaults are English, and it asks
 * for each plural form of the page's language (Welsh has six). Every page has it as
 * `characterCount()`, asked for only by a form that counts.
 */
export function characterCountText(request: Pick<FastifyRequest, 'lang' | 't'>) {
  const forms = request.lang === 'cy' ? ['zero', 'one', 'two', 'few', 'many', 'other'] : ['one', 'other'];
  const each = (kind: 'under' | 'over') =>
    Object.fromEntries(forms.map((f) => [f, request.t(`surveys.own.answer.count.${kind}_${f}`)]));
  return {
    description: request.t('surveys.own.answer.count.description'),
    at: request.t('surveys.own.answer.count.at'),
    under: each('under'),
    over: each('over'),
  };
}
