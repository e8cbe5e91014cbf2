// The reader's own actions (issue 13), above the sections for their places: whatever they were chosen
// to lead, in any school, collaborative, LA plan or concern case they may still open, soonest first.
import type { FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/dates.ts';
import { givenFor } from '../../my-actions/action-links.ts';
import { actionTexts } from '../../my-actions/action-texts.ts';
import type { AssignedAction } from '../../my-actions/my-actions-repository.ts';
import { HOME_LIST_CAP, type HomeItem, type HomeSection } from '../home-model.ts';

const TAG_COLOURS = { overdue: 'red', dueSoon: 'yellow' } as const;

/** Null when nothing is assigned: the home stays quiet about what is not there. */
export function yourActionsSection(request: FastifyRequest, actions: readonly AssignedAction[]): HomeSection | null {
  if (actions.length === 0) return null;
  const t = request.t.bind(request);
  const lang = request.lang;
  const items: HomeItem[] = actions.slice(0, HOME_LIST_CAP).map((a) => {
    const place = a.place[lang === 'cy' ? 'cy' : 'en'];
    const timing = a.timing === 'overdue' || a.timing === 'dueSoon' ? a.timing : null;
    const { description } = actionTexts(a, lang);
    return {
      text: description.text,
      lang: description.lang,
      marked: description.marked,
      hint: a.dueOn ? t('home.actions.placeDue', { place, date: formatDate(a.dueOn, lang) }) : place,
      href: request.canOpen(a.href, givenFor(request.user!, a)) ? a.href : undefined,
      ...(timing ? { tag: { text: t(`home.${timing}`), colour: TAG_COLOURS[timing] } } : {}),
    };
  });
  return {
    key: 'your-actions',
    title: t('home.actions.title'),
    caption: t('home.actions.caption'),
    starts: [],
    lists: [
      {
        key: 'actions',
        heading: t('home.actions.heading'),
        items,
        ...(actions.length > items.length
          ? { seeAll: { href: '/my/actions', text: t('home.seeAll', { count: actions.length }) } }
          : {}),
      },
    ],
  };
}
