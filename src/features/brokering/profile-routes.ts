import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { parseProfile, profileInput } from './brokering-forms.ts';
import { findProfile } from './brokering-repository.ts';
import { saveProfile } from './brokering-service.ts';
import { FormText, readVersion, SchoolNumber } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const Params = Type.Object({ number: SchoolNumber });
const Body = Type.Object({
  efsmThreeYear: FormText(20),
  alnPercent: FormText(20),
  ealPercent: FormText(20),
  context: FormText(5000),
  language: FormText(5),
  version: FormText(10),
});
const FIELDS = ['efsmThreeYear', 'alnPercent', 'ealPercent', 'context'] as const;
const view = 'features/brokering/views/profile.njk';

/** The school's published context figures: staff read them, leaders keep them up to date. */
export const profileRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/schools/:number/profile',
    {
      config: scoped(signedIn, 'school', 'staff'),
      schema: { params: Params, querystring: Type.Object({ saved: FormText(2) }) },
    },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const profile = await findProfile(db, school.number);
      const values = {
        efsmThreeYear: profile?.efsmThreeYear ?? '',
        alnPercent: profile?.alnPercent ?? '',
        ealPercent: profile?.ealPercent ?? '',
        context: profile?.context ?? '',
        language: profile?.language ?? request.lang,
      };
      return reply.page(view, {
        title: request.t('brokering.profile.title'),
        school,
        schoolCan: can,
        schoolSection: 'support',
        profile,
        values,
        version: profile?.version ?? '',
        saved: request.query.saved === '1',
      });
    },
  );

  app.post(
    '/schools/:number/profile',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: Params, body: Body } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const input = profileInput(request.body);
      const model = {
        title: request.t('brokering.profile.title'),
        school,
        schoolCan: can,
        schoolSection: 'support',
        values: input,
      };
      const parsed = parseProfile(input);
      if (!parsed.ok)
        return reply.status(400).page(view, {
          ...model,
          profile: await findProfile(db, school.number),
          version: request.body.version ?? '',
          ...presentErrors(parsed.errors, request.t),
        });
      const version = readVersion(request.body.version ?? '');
      const result = await saveProfile(db, request.user!.id, school.number, version, parsed.values, clock.now());
      if (result.ok) return reply.redirect(`/schools/${school.number}/profile?saved=1`, 303);
      const theirs = result.current;
      const conflict = FIELDS.filter((f) => String(theirs[f] ?? '') !== String(parsed.values[f] ?? '')).map((f) => ({
        label: request.t(`brokering.profile.fields.${f}`),
        theirs: String(theirs[f] ?? ''),
        yours: String(parsed.values[f] ?? ''),
      }));
      return reply.status(409).page(view, {
        ...model,
        profile: theirs,
        version: theirs.version,
        conflict,
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );
};
