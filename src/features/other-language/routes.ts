import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { FormText, LaCode, SchoolNumber, Uuid, Version } from '../../lib/request-schemas.ts';
import { otherOf } from '../../lib/paired-text.ts';
import { requestScope } from '../../access/request-scope.ts';
import { scoped, type ScopeName } from '../../access/scopes.ts';
import type { KindDef, LoadedItem } from './kinds.ts';
import { OTHER_LANGUAGE_KINDS } from './registry.ts';
import { saveOtherLanguage } from './other-language-service.ts';

const signedIn = { access: { signedIn: true } } as const;

/** Where each scope's items live, and its path parameters' types (the scope's own routes use the same). */
const SCOPE_PATHS: Partial<Record<ScopeName, { prefix: string; params: Record<string, TSchema> }>> = {
  school: { prefix: '/schools/:number', params: { number: SchoolNumber } },
  collaborative: { prefix: '/collaboratives/:id', params: { id: Uuid } },
  enquiry: { prefix: '/collaboratives/:id/enquiries/:enquiryId', params: { id: Uuid, enquiryId: Uuid } },
  la: { prefix: '/local-authorities/:code', params: { code: LaCode } },
  caseStudy: { prefix: '/good-practice/:id', params: { id: Uuid } },
  plan: { prefix: '/plans/:planId', params: { planId: Uuid } },
};

/** The address of an item's other-language page, as the item pages link to it. */
export function otherLanguagePath(prefix: string, slug: string, itemId: string): string {
  return `${prefix}/other-language/${slug}/${itemId}`;
}

/** The form's fields, each checked for its original field's own limit. */
function bodySchema(def: KindDef): TObject {
  const fields = Object.fromEntries(def.fields.map((f) => [f.name, FormText(f.max)]));
  const parts: Record<string, TSchema> = def.parts
    ? {
        part: Type.Optional(Type.Array(Type.String({ maxLength: def.parts.max }), { maxItems: def.parts.maxCount })),
        partId: Type.Optional(Type.Array(Uuid, { maxItems: def.parts.maxCount })),
      }
    : {};
  return Type.Object({ version: Version, ...fields, ...parts });
}

/**
 * An item's other-language version, written beside its original (issue 16, part 1): one page for
 * every kind in the registry, under its owner's scope, open to those who may edit the item.
 */
export const otherLanguageRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  for (const def of OTHER_LANGUAGE_KINDS) {
    const scope = SCOPE_PATHS[def.scope];
    if (!scope) throw new Error(`other-language: no path for the ${def.scope} scope`);
    const url = `${scope.prefix}/other-language/${def.slug}/:itemId`;
    const Params = Type.Object({ ...scope.params, itemId: Uuid });
    const coarse = def.permission ? { access: { permission: def.permission } } : signedIn;
    const config = scoped(coarse, def.scope, def.need as never);

    async function itemOr404(request: FastifyRequest): Promise<LoadedItem> {
      const ctx = requestScope(request, def.scope);
      const params = request.params as Record<string, string>;
      const item = await def.load(db, ctx as never, params, params.itemId!);
      if (!item) throw new HttpError(404, 'not-found');
      if (def.mayWrite && !def.mayWrite(request.user, ctx as never, item)) throw new HttpError(403, 'forbidden');
      return item;
    }

    function render(
      request: FastifyRequest,
      reply: FastifyReply,
      item: LoadedItem,
      values: { fields: Record<string, string>; parts: string[] },
      status = 200,
      extra: Record<string, unknown> = {},
    ) {
      const other = otherOf(item.language);
      const heading = request.t(`otherLanguage.heading.${other}`);
      return reply.status(status).page('features/other-language/views/form.njk', {
        title: heading,
        heading,
        item,
        other,
        action: request.url.split('?')[0],
        fields: def.fields
          .filter((f) => item.originals[f.name]?.trim() || values.fields[f.name])
          .map((f) => ({ ...f, original: item.originals[f.name] ?? '', value: values.fields[f.name] ?? '' })),
        parts: item.parts.map((p, i) => ({
          ...p,
          value: values.parts[i] ?? '',
          labelKey: p.labelKey ?? def.parts?.labelKey,
          number: p.number ?? i + 1,
        })),
        partMax: def.parts?.max,
        ...extra,
      });
    }

    app.get(url, { config, schema: { params: Params } }, async (request, reply) => {
      const item = await itemOr404(request);
      return render(request, reply, item, { fields: item.other, parts: item.parts.map((p) => p.other) });
    });

    app.post(url, { config, schema: { params: Params, body: bodySchema(def) } }, async (request, reply) => {
      const item = await itemOr404(request);
      const body = request.body as Record<string, unknown>;
      const fields = Object.fromEntries(def.fields.map((f) => [f.name, (body[f.name] as string | undefined) ?? '']));
      const parts = (body.part as string[] | undefined) ?? [];
      const result = await saveOtherLanguage(
        db,
        def,
        item,
        { version: body.version as number, fields, parts, partIds: (body.partId as string[] | undefined) ?? [] },
        request.user!.id,
        clock.now(),
      );
      if (result.ok) return reply.redirect(withNotice(item.returnTo, otherOf(item.language)), 303);
      // Someone changed the item first: show it as it now stands, with what this person wrote kept.
      const fresh = await itemOr404(request);
      return render(request, reply, fresh, { fields, parts }, 409, {
        conflict: true,
        errors: [{ text: request.t('otherLanguage.conflict'), href: '#conflict' }],
      });
    });
  }
};

/** The item's page with its success banner (?translated=cy|en, read by the layout), before any #fragment. */
function withNotice(returnTo: string, language: string): string {
  const [path, fragment] = returnTo.split('#');
  const joined = `${path}${path!.includes('?') ? '&' : '?'}translated=${language}`;
  return fragment ? `${joined}#${fragment}` : joined;
}
