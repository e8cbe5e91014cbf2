import type { FeaturePlugin } from '../../app-deps.ts';
import * as repo from './priorities-repository.ts';
import { view } from './publish-context.ts';
import { descriptionIn, nameIn, titleIn } from './publish-presenter.ts';

/** The national priorities WG asks for now, each with the national support that serves it, for everyone signed in. */
export const prioritiesPageRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;

  app.get('/national-priorities', { config: { access: { signedIn: true } } }, async (request, reply) => {
    const lang = request.lang;
    const [current, offers, programmes] = await Promise.all([
      repo.currentPriorities(db),
      repo.currentOffers(db),
      repo.nationalProgrammes(db),
    ]);
    const offerView = (o: repo.Offer) => ({
      id: o.id,
      title: titleIn(lang, o),
      description: descriptionIn(lang, o),
      url: o.url,
      kind: o.kind,
      publishedOn: o.publishedOn,
    });
    const priorities = current.map((p) => ({
      code: p.code,
      name: nameIn(lang, p),
      description: descriptionIn(lang, p),
      supporting: p.supporting,
      publishedOn: p.publishedOn,
      offers: offers.filter((o) => o.nationalPriorities.includes(p.code)).map(offerView),
    }));
    const served = new Set(current.map((p) => p.code));
    const general = offers.filter((o) => !o.nationalPriorities.some((c) => served.has(c))).map(offerView);
    const programmeOffers = new Map(offers.filter((o) => o.programmeCode).map((o) => [o.programmeCode!, offerView(o)]));
    return reply.page(view('national-priorities'), {
      title: request.t('national.prioritiesPage.title'),
      activeNav: '',
      main: priorities.filter((p) => !p.supporting),
      supporting: priorities.filter((p) => p.supporting),
      general,
      programmes: programmes.map((p) => ({
        code: p.code,
        name: nameIn(lang, p),
        required: p.required,
        offer: programmeOffers.get(p.code) ?? null,
      })),
    });
  });
};
