import { readerTexts, withReaderTexts } from '../../lib/reader-texts.ts';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { agreementFacts, brokerName, reasonTexts } from './brokering-presenter.ts';
import * as repo from './brokering-repository.ts';
import { suggestionsFor } from './brokering-service.ts';
import { caseStudiesForSchools } from '../good-practice/case-study-repository.ts';

/** Who brokers here: the LA (for its schools' requests) or a collaborative (for requests given to it). */
export type Broker = {
  kind: 'la' | 'collaborative';
  base: string;
  layout: Record<string, unknown>;
  owns: (r: repo.RequestRow) => boolean;
  list: (statuses: string[]) => Promise<repo.RequestRow[]>;
  /** The LA's schools' open requests that a collaborative brokers: listed so no waiting school is left out. */
  givenAway?: () => Promise<repo.RequestRow[]>;
};

const DONE = ['agreed', 'already'];

/** A request as the broker reads it: the need, the priority's theme and national priorities, the school's profile. */
async function requestView(
  db: Db,
  request: FastifyRequest,
  row: repo.RequestRow,
  national: Awaited<ReturnType<typeof repo.nationalPriorityNames>>,
) {
  const [profile, found] = await Promise.all([repo.findProfile(db, row.request.schoolNumber), suggestionsFor(db, row)]);
  // A suggested school's published case studies on the theme: good practice the broker can read first.
  const themes = row.nifTheme ? [row.nifTheme] : [];
  const studies = await caseStudiesForSchools(
    db,
    found.map((s) => s.school.number),
    themes,
  );
  const suggestions = found.map((s) => ({
    ...s,
    offerRt: readerTexts({ ...s.offer, otherLanguage: s.offer.otherLanguage }, ['title', 'description'], request.lang),
    caseStudies: studies
      .filter((c) => c.schoolNumber === s.school.number)
      .map((c) => withReaderTexts(c, ['title'], request.lang)),
  }));
  return {
    ...row,
    priorityTitle: null,
    profile,
    broker: brokerName(request.lang, row),
    national: row.nationalPriorities
      .map((code) => national.find((n) => n.code === code))
      .filter(Boolean)
      .map((n) => (request.lang === 'cy' ? n!.nameCy : n!.nameEn)),
    suggestions: suggestions.map((s) => ({
      ...s,
      reasonTexts: reasonTexts(request.t, request.lang, s.reasons, national),
    })),
  };
}

/** Open requests, each with its suggestions; and the matches already agreed. */
export async function brokerPage(db: Db, request: FastifyRequest, broker: Broker) {
  const national = await repo.nationalPriorityNames(db);
  const [open, matched, givenAway] = await Promise.all([
    broker.list(['open']),
    broker.list(['matched', 'closed']),
    broker.givenAway?.() ?? [],
  ]);
  const agreements = await repo.agreementsOfRequests(
    db,
    matched.map((r) => r.request.id),
  );
  const done = (request.query as { done?: string }).done;
  return {
    base: broker.base,
    open: await Promise.all(open.map((r) => requestView(db, request, r, national))),
    givenAway: givenAway.map((r) => ({
      schoolName: r.schoolName,
      schoolNumber: r.request.schoolNumber,
      broker: brokerName(request.lang, r),
    })),
    agreed: agreements.map((a) => agreementFacts(request.t, request.lang, a, national)),
    done: DONE.includes(done ?? '') ? done : null,
  };
}

/** The agree form's model: the request, its suggestions to choose from. */
export async function requestForm(db: Db, request: FastifyRequest, broker: Broker, row: repo.RequestRow) {
  const national = await repo.nationalPriorityNames(db);
  return { base: broker.base, item: await requestView(db, request, row, national) };
}
