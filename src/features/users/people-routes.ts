// The people pages of a school (its headteacher), an LA (its officers) and Wales (WG officials):
// the same pages at three places, each route declaring its scope's `managePeople` need. What may be
// granted is decided per role by people-policy.ts, through the people service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TObject } from '@sinclair/typebox';
import { requestScope, schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { hasErrors, presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { dateToParts, parseDateParts } from '../../lib/govuk-date-input.ts';
import { todayInWales, type Clock } from '../../lib/clock.ts';
import { FormText, LaCode, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import { mayGrant, PAGE_ROLES, type PeoplePlace } from '../../policy/people-policy.ts';
import type { Role } from '../../policy/roles.ts';
import * as people from './people-service.ts';
import * as repo from './people-repository.ts';
import type { UserServiceDeps } from './user-service.ts';
import { registerPeopleUpload } from './people-upload-routes.ts';

const signedIn = { access: { signedIn: true } } as const;
// Checked before anything is loaded, as on the LA's and WG's other pages.
const laManage = { access: { permission: 'la.manage' } } as const;
const nationalRead = { access: { permission: 'national.read' } } as const;

/** One place's pages: its address, how its route declares access, and what the page is about. */
export type PeoplePage = {
  path: string;
  params: TObject;
  config: ReturnType<typeof scoped>;
  place: (request: FastifyRequest) => { place: PeoplePlace; base: string; placeName: string; activeNav: string };
};

export const PEOPLE_PAGES: PeoplePage[] = [
  {
    path: '/schools/:number/people',
    params: Type.Object({ number: SchoolNumber }),
    config: scoped(signedIn, 'school', 'managePeople'),
    place: (request) => {
      const { school } = schoolScope(request);
      return {
        place: { kind: 'school', school },
        base: `/schools/${school.number}/people`,
        placeName: school.name,
        activeNav: 'yourSchools',
      };
    },
  },
  {
    path: '/local-authorities/:code/people',
    params: Type.Object({ code: LaCode }),
    config: scoped(laManage, 'la', 'managePeople'),
    place: (request) => {
      const { la, laName } = requestScope(request, 'la');
      return {
        place: { kind: 'la', laCode: la.code },
        base: `/local-authorities/${la.code}/people`,
        placeName: laName,
        activeNav: 'localImprovement',
      };
    },
  },
  {
    path: '/national/people',
    params: Type.Object({}),
    config: scoped(nationalRead, 'national', 'managePeople'),
    place: (request) => ({
      place: { kind: 'national' },
      base: '/national/people',
      placeName: request.t('people.wales'),
      activeNav: 'national',
    }),
  },
];

const view = (name: string) => `features/users/views/people/${name}.njk`;
const field = FormText(400);
const dateFields = { 'endsOn-day': FormText(10), 'endsOn-month': FormText(10), 'endsOn-year': FormText(10) };
const AddBody = Type.Object({
  email: field,
  displayName: field,
  preferredLanguage: field,
  role: field,
  school: field,
  ...dateFields,
});
const EndBody = Type.Object(dateFields);
const ListQuery = Type.Object({
  done: Type.Optional(Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('uploaded')])),
});

/** The roles this reader may give on the page (a headteacher on an LA's page: at any of its schools). */
export function grantableRoles(request: FastifyRequest, place: PeoplePlace): Role[] {
  return PAGE_ROLES[place.kind].filter((role) =>
    role === 'headteacher' ? mayGrant(request.user, 'la_officer', place) : mayGrant(request.user, role, place),
  );
}

function endsOnFrom(body: Record<string, string | undefined>) {
  return parseDateParts({
    day: text(body['endsOn-day']),
    month: text(body['endsOn-month']),
    year: text(body['endsOn-year']),
  });
}

export function registerPeoplePages(app: FastifyInstance, deps: UserServiceDeps, clock: Clock) {
  const logTo = (request: FastifyRequest) => (err: unknown) => request.log.error({ err }, 'set-password email failed');

  for (const page of PEOPLE_PAGES) {
    const withUser = Type.Composite([page.params, Type.Object({ userId: Uuid })]);
    const withAssignment = Type.Composite([page.params, Type.Object({ userId: Uuid, assignmentId: Uuid })]);

    async function renderNew(
      request: FastifyRequest,
      reply: FastifyReply,
      values: Record<string, unknown>,
      errors = {},
      status = 200,
    ) {
      const { place, base, placeName, activeNav } = page.place(request);
      return reply.status(status).page(view('new'), {
        title: request.t('people.new.title', { place: placeName }),
        activeNav,
        base,
        placeName,
        kind: place.kind,
        roles: grantableRoles(request, place),
        values,
        ...(hasErrors(errors) ? presentErrors(errors, request.t) : {}),
      });
    }

    async function renderPerson(
      request: FastifyRequest,
      reply: FastifyReply,
      userId: string,
      extra: Record<string, unknown> = {},
      status = 200,
    ) {
      const { place, base, placeName, activeNav } = page.place(request);
      const person = await repo.findPersonAt(deps.db, place, userId);
      if (!person) throw new HttpError(404, 'not-found');
      const today = todayInWales(clock.now());
      return reply.status(status).page(view('person'), {
        title: person.displayName,
        activeNav,
        base,
        placeName,
        person,
        self: userId === request.user!.id,
        assignments: person.assignments.map((a) => ({
          ...a,
          ended: !!a.endsOn && a.endsOn < today,
          parts: dateToParts(a.endsOn),
        })),
        ...extra,
      });
    }

    app.get(
      page.path,
      { config: page.config, schema: { params: page.params, querystring: ListQuery } },
      async (request, reply) => {
        const { place, base, placeName, activeNav } = page.place(request);
        const today = todayInWales(clock.now());
        const rows = await repo.listPeopleAt(deps.db, place);
        return reply.page(view('list'), {
          title: request.t('people.list.title', { place: placeName }),
          activeNav,
          base,
          placeName,
          kind: place.kind,
          done: (request.query as { done?: string }).done,
          rows: rows.map((r) => ({ ...r, ended: !!r.endsOn && r.endsOn < today })),
        });
      },
    );

    app.get(`${page.path}/new`, { config: page.config, schema: { params: page.params } }, (request, reply) =>
      renderNew(request, reply, { preferredLanguage: request.lang }),
    );

    app.post(
      page.path,
      { config: page.config, schema: { params: page.params, body: AddBody } },
      async (request, reply) => {
        const b = request.body as Record<string, string | undefined>;
        const { place, base } = page.place(request);
        const endsOn = endsOnFrom(b);
        const input = {
          email: text(b.email),
          displayName: text(b.displayName),
          preferredLanguage: text(b.preferredLanguage),
          role: text(b.role),
          school: text(b.school),
          endsOn: endsOn.ok ? endsOn.value : null,
        };
        const checked = await people.checkGrant(deps.db, request.user!, place, input, todayInWales(clock.now()));
        const errors = { ...checked.errors };
        if (!endsOn.ok) errors['endsOn-day'] = `people.errors.endsOn.${endsOn.problem}`;
        else if (errors.endsOn) errors['endsOn-day'] = errors.endsOn;
        delete errors.endsOn;
        if (hasErrors(errors) || !checked.grant) {
          const values = {
            ...input,
            endsOn: { day: text(b['endsOn-day']), month: text(b['endsOn-month']), year: text(b['endsOn-year']) },
          };
          return renderNew(request, reply, values, errors, 400);
        }
        await people.applyGrants(deps, request.user!.id, [checked.grant], logTo(request));
        return reply.redirect(`${base}?done=added`, 303);
      },
    );

    app.get(`${page.path}/:userId`, { config: page.config, schema: { params: withUser } }, (request, reply) =>
      renderPerson(request, reply, (request.params as { userId: string }).userId),
    );

    /** The assignment named in the URL, if this reader may change it (404 when not on this page, 403 when not theirs to change). */
    async function changeable(request: FastifyRequest) {
      const { userId, assignmentId } = request.params as { userId: string; assignmentId: string };
      const found = await people.changeableAssignment(
        deps.db,
        request.user!,
        page.place(request).place,
        userId,
        assignmentId,
      );
      if (found === 'absent') throw new HttpError(404, 'not-found');
      if (found === 'forbidden') throw new HttpError(403, 'forbidden');
      return found;
    }

    app.post(
      `${page.path}/:userId/roles/:assignmentId/end-date`,
      { config: page.config, schema: { params: withAssignment, body: EndBody } },
      async (request, reply) => {
        const assignment = await changeable(request);
        const endsOn = endsOnFrom(request.body as Record<string, string | undefined>);
        const problem = !endsOn.ok
          ? `people.errors.endsOn.${endsOn.problem}`
          : endsOn.value !== null && endsOn.value < todayInWales(clock.now())
            ? 'people.errors.endsOnPast'
            : null;
        if (problem) {
          const errors = presentErrors({ [`endsOn-${assignment.id}-day`]: problem }, request.t);
          return renderPerson(request, reply, assignment.userId, errors, 400);
        }
        await people.setEndDate(deps.db, request.user!.id, assignment, endsOn.ok ? endsOn.value : null);
        return reply.redirect(`${page.place(request).base}/${assignment.userId}`, 303);
      },
    );

    app.post(
      `${page.path}/:userId/roles/:assignmentId/remove`,
      { config: page.config, schema: { params: withAssignment } },
      async (request, reply) => {
        const assignment = await changeable(request);
        await people.removeRole(deps.db, request.user!.id, assignment);
        return reply.redirect(`${page.place(request).base}?done=removed`, 303);
      },
    );

    registerPeopleUpload(app, page, deps, clock, logTo);
  }
}
