import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { safeNextPath } from '../../lib/forms.ts';
import { AUDIENCES, isOneOf } from '../../reference/reference-data.ts';
import { SHAREABLE_TYPES } from '../../sharing/share-repository.ts';
import { changeSharing } from '../../sharing/share-service.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { FormText, SchoolNumber, ScopeKey, SharedItemId } from '../../lib/request-schemas.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const ShareBody = Type.Object({
  itemType: literals(SHAREABLE_TYPES),
  itemId: SharedItemId,
  // Either audience (+ audienceId) from a button, or "audience|audienceId" from the select.
  audience: Type.Optional(literals(AUDIENCES)),
  audienceId: Type.Optional(ScopeKey),
  audienceChoice: FormText(100),
  action: literals(['add', 'remove'] as const),
  returnTo: FormText(500),
});

export const sharingRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  app.post(
    '/schools/:number/sharing',
    {
      config: { access: { scope: 'school', need: 'staff' } },
      schema: { params: Type.Object({ number: SchoolNumber }), body: ShareBody },
    },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const { itemType, itemId, action, audienceChoice } = request.body;
      const [audience, audienceId = ''] = audienceChoice
        ? audienceChoice.split('|')
        : [request.body.audience, request.body.audienceId ?? ''];
      if (!isOneOf(AUDIENCES, audience)) throw new HttpError(400, 'bad-request');
      const outcome = await changeSharing(database.db, request.user!.id, school, can, {
        itemType,
        itemId,
        action,
        audience,
        audienceId,
      });
      if (outcome === 'forbidden') throw new HttpError(403, 'forbidden');
      if (outcome === 'not-found') throw new HttpError(404, 'not-found');
      const back = safeNextPath(request.body.returnTo);
      return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}shared=${request.body.action}#sharing`, 303);
    },
  );
};
