import fs from 'node:fs';
import { test } from 'vitest';
import { startServer } from './support/server.ts';
import { buildUser } from '../test/support/factories.ts';
import { sessionCookie } from '../test/support/factories.ts';
test('dump', async () => {
  const s = await startServer();
  const u = await buildUser(s.db, { role: 'administrator' });
  const c = await sessionCookie(s.db, u.id);
  for (const [name, p, ck] of [['start','/?lang=cy',''],['signin','/sign-in',''],['home','/',c],['users','/admin/users',c],['audit','/admin/audit',c],['404','/nope','']] as const) {
    const r = await fetch(s.baseUrl + p, { headers: ck ? { cookie: ck } : {} });
    fs.writeFileSync(`/tmp/dump-${name}.html`, await r.text());
  }
  await s.close();
});
