import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, visibleText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { shares, supportOffers, supportRequests } from '../../db/schema/index.ts';

let t: TestApp;
const LA = '673';
const OTHER_LA = '674';
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
let officer: TestUser, partner: TestUser, otherOfficer: TestUser, headteacher: TestUser;
let x: { id: string };
const ids: Record<string, string> = {};
const FORBIDDEN = [
  'Secret draft',
  'Unshared plan',
  'Governors only',
  'Shared where we do not facilitate',
  'Shared with the other LA',
];

const seen = visibleText;

/** The figures of the picture's table, as rows of cell texts. */
function tableRows(html: string): string[][] {
  const table = html.split('data-testid="picture-table"')[1]!.split('</table>')[0]!;
  return [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => seen(c[1]!)),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const a = await buildSchool(db, { laCode: LA, name: 'Alpha Primary' });
  const b = await buildSchool(db, { laCode: LA, name: 'Beta High', sector: 'secondary' });
  const c = await buildSchool(db, { laCode: LA, name: 'Gamma Primary' });
  const d = await buildSchool(db, { laCode: OTHER_LA, name: 'Delta Primary' });
  x = await buildCollaborative(db, {
    laCode: LA,
    members: [a, b, d],
    nameEn: 'Alpha cluster',
    nameCy: 'Clwstwr Alffa',
  });
  const y = await buildCollaborative(db, { laCode: OTHER_LA, members: [c, d], nameEn: 'Other cluster' });
  partner = await buildFacilitator(db, x.id, LA);
  await buildFacilitator(db, y.id, OTHER_LA);
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  otherOfficer = await buildUser(db, { role: 'la_officer', scopeId: OTHER_LA });
  headteacher = await buildUser(db, { role: 'headteacher', scopeId: a.number });
  const [ca, cb, cc, cd] = [
    await buildCycle(db, a.number),
    await buildCycle(db, b.number),
    await buildCycle(db, c.number),
    await buildCycle(db, d.number),
  ];
  const priority = async (
    cycle: typeof ca,
    title: string,
    values: Parameters<typeof buildPriority>[2],
    audience: string | null,
    audienceId = '',
  ) => {
    const p = await buildPriority(db, cycle, { title, ...values });
    if (audience)
      await db
        .insert(shares)
        .values({ itemType: 'priority', itemId: p.id, schoolNumber: cycle.schoolNumber, audience, audienceId });
    ids[title] = p.id;
    return p;
  };
  await priority(ca, 'Reading for all', { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'] }, 'la');
  await priority(
    ca,
    'Oracy in the cluster',
    { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'], state: 'in_progress' },
    'collaborative',
    x.id,
  );
  await priority(
    cb,
    'Attendance in Year 9',
    { nifTheme: 'wellbeing_equity', nationalPriorities: ['attendance'] },
    'collaborative',
    x.id,
  );
  await priority(
    cd,
    'Numeracy across the border',
    { nifTheme: 'curriculum_teaching', nationalPriorities: ['numeracy'] },
    'collaborative',
    x.id,
  );
  // None of these may ever count or show.
  await priority(
    ca,
    'Secret draft',
    { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'], state: 'draft' },
    'la',
  );
  await priority(cb, 'Unshared plan', { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'] }, null);
  await priority(
    cc,
    'Governors only',
    { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'] },
    'governors',
  );
  await priority(
    cc,
    'Shared where we do not facilitate',
    { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'] },
    'collaborative',
    y.id,
  );
  await priority(
    cd,
    'Shared with the other LA',
    { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'] },
    'la',
  );
  await db
    .insert(supportOffers)
    .values({ schoolNumber: b.number, title: 'Coaching for attendance officers', nifTheme: 'wellbeing_equity' });
  await db
    .insert(supportRequests)
    .values({ schoolNumber: a.number, priorityId: ids['Reading for all']!, need: 'Help with guided reading' });
});

afterAll(async () => t?.close());

describe('the LA overview: who may see it', () => {
  it('shows the local picture to the LA’s officer and improvement partner, in English and Welsh', async () => {
    for (const user of [officer, partner]) {
      const visitor = await as(user);
      const response = await visitor.get(`/local-authorities/${LA}/overview`);
      expect(response.statusCode).toBe(200);
      expect(pageText(response.body)).toContain('Consolidated local priorities');
      const welsh = await visitor.get(`/local-authorities/${LA}/overview?lang=cy`);
      expect(pageText(welsh.body)).toContain('Blaenoriaethau lleol cyfunol');
      expect(welsh.body).toContain('Clwstwr Alffa');
    }
  });

  it('is not found for another LA’s officer, and forbidden to a headteacher', async () => {
    expect((await (await as(otherOfficer)).get(`/local-authorities/${LA}/overview`)).statusCode).toBe(404);
    expect(
      (
        await (
          await as(otherOfficer)
        ).get(`/local-authorities/${LA}/overview/priorities?by=national&theme=curriculum_teaching&column=literacy`)
      ).statusCode,
    ).toBe(404);
    expect((await (await as(headteacher)).get(`/local-authorities/${LA}/overview`)).statusCode).toBe(403);
    expect(
      (
        await (
          await as(headteacher)
        ).get(`/local-authorities/${LA}/overview/priorities?by=national&theme=curriculum_teaching&column=literacy`)
      ).statusCode,
    ).toBe(403);
    expect((await new Visitor(t.app).get(`/local-authorities/${LA}/overview`)).statusCode).toBe(303);
  });
});

describe('the consolidated picture', () => {
  it('counts distinct schools from what was shared with the LA or a collaborative its staff facilitate, and nothing else', async () => {
    const html = (await (await as(officer)).get(`/local-authorities/${LA}/overview`)).body;
    expect(pageText(html)).toContain('3 schools have shared 4 priorities in all.');
    const rows = tableRows(html);
    expect(rows[0]).toEqual(['NIF theme', 'Attendance', 'Literacy', 'Numeracy', 'Wellbeing', 'Any']);
    expect(rows[1]).toEqual(['Vision, leadership and management', '0', '0', '0', '0', '0']);
    expect(rows[2]).toEqual(['Curriculum, learning and teaching', '0', '1', '1', '0', '2']);
    expect(rows[3]).toEqual(['Wellbeing, inclusion and equity', '1', '0', '0', '0', '1']);
    expect(rows[4]).toEqual(['Any theme', '1', '1', '1', '0', '3']);
    for (const title of FORBIDDEN) expect(html).not.toContain(title);
  });

  it('draws the same figures as an SVG heatmap with a name, a description and the numbers in the cells', async () => {
    const html = (await (await as(officer)).get(`/local-authorities/${LA}/overview`)).body;
    const svg = html.split('<svg')[1]!.split('</svg>')[0]!;
    expect(svg).toContain('role="img"');
    expect(svg).toContain(
      `<title id="local-picture-title">Heatmap of schools' shared priorities: NIF theme by national priority</title>`,
    );
    expect([...svg.matchAll(/font-weight="bold"[^>]*>(\d+)</g)].map((m) => m[1])).toEqual([
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
      '1',
      '0',
      '1',
      '0',
      '0',
      '0',
    ]);
  });

  it('switches the second dimension to phase and to collaborative', async () => {
    const visitor = await as(officer);
    const byPhase = tableRows((await visitor.get(`/local-authorities/${LA}/overview?by=phase`)).body);
    expect(byPhase[0]).toEqual(['NIF theme', 'Primary', 'Secondary', 'Any']);
    expect(byPhase[2]).toEqual(['Curriculum, learning and teaching', '2', '0', '2']);
    const byCollaborative = tableRows((await visitor.get(`/local-authorities/${LA}/overview?by=collaborative`)).body);
    expect(byCollaborative[0]).toEqual(['NIF theme', 'Alpha cluster', 'Any']);
    expect(byCollaborative[4]).toEqual(['Any theme', '3', '3']);
    const cell = seen(
      (
        await visitor.get(
          `/local-authorities/${LA}/overview/priorities?by=collaborative&theme=curriculum_teaching&column=${x.id}`,
        )
      ).body,
    );
    expect(cell).toContain('Curriculum, learning and teaching: Alpha cluster');
    for (const title of ['Reading for all', 'Oracy in the cluster', 'Numeracy across the border'])
      expect(cell).toContain(title);
    expect(cell).not.toContain('Attendance in Year 9');
  });

  it('lists the priorities behind a cell, linking each only where this user may read it', async () => {
    const cell = `/local-authorities/${LA}/overview/priorities?by=national&theme=curriculum_teaching&column=literacy`;
    const forOfficer = (await (await as(officer)).get(cell)).body;
    expect(pageText(forOfficer)).toContain('Curriculum, learning and teaching: Literacy');
    expect(forOfficer).toContain(`href="/schools/`);
    expect(forOfficer).toContain(`/priorities/${ids['Reading for all']}"`);
    // Shared only with the collaborative: the officer does not work in its space, so plain text.
    expect(pageText(forOfficer)).toContain('Oracy in the cluster');
    expect(forOfficer).not.toContain(`/shared/priority/${ids['Oracy in the cluster']}`);
    const forPartner = (await (await as(partner)).get(cell)).body;
    expect(forPartner).toContain(`href="/collaboratives/${x.id}/shared/priority/${ids['Oracy in the cluster']}"`);
    for (const title of FORBIDDEN) expect(forOfficer).not.toContain(title);
    const crossBorder = (
      await (
        await as(partner)
      ).get(
        `/local-authorities/${LA}/overview/priorities?by=national&theme=curriculum_teaching&column=numeracy&lang=cy`,
      )
    ).body;
    expect(pageText(crossBorder)).toContain('Numeracy across the border');
    expect(pageText(crossBorder)).toContain("Yn ôl i'r darlun lleol");
  });

  it('never lets a forbidden priority into any cell', async () => {
    const visitor = await as(partner);
    for (const by of ['national', 'phase']) {
      for (const column of ['attendance', 'literacy', 'numeracy', 'wellbeing', 'none', 'primary', 'secondary']) {
        for (const theme of ['vision_leadership', 'curriculum_teaching', 'wellbeing_equity', 'none']) {
          const response = await visitor.get(
            `/local-authorities/${LA}/overview/priorities?by=${by}&theme=${theme}&column=${column}`,
          );
          if (response.statusCode === 200) for (const title of FORBIDDEN) expect(response.body).not.toContain(title);
        }
      }
    }
  });

  it('is not found for a cell that cannot exist', async () => {
    const visitor = await as(officer);
    expect(
      (await visitor.get(`/local-authorities/${LA}/overview/priorities?by=national&theme=made_up&column=literacy`))
        .statusCode,
    ).toBe(404);
    expect(
      (await visitor.get(`/local-authorities/${LA}/overview/priorities?by=sideways&theme=none&column=none`)).statusCode,
    ).toBe(404);
  });
});

describe('the way in', () => {
  it('links the LA area from the directory’s LA page for its staff only, and shows the LA sections on reciprocity and gaps', async () => {
    expect((await (await as(officer)).get(`/local-authorities/${LA}`)).body).toContain(
      `href="/local-authorities/${LA}/overview"`,
    );
    expect((await (await as(headteacher)).get(`/local-authorities/${LA}`)).body).not.toContain(
      `href="/local-authorities/${LA}/overview"`,
    );
    for (const section of ['reciprocity', 'collaboration-gaps']) {
      const html = (await (await as(partner)).get(`/local-authorities/${LA}/${section}?lang=cy`)).body;
      expect(html).toMatch(new RegExp(`href="/local-authorities/${LA}/${section}" aria-current="page"`));
      expect(html).toContain(`href="/local-authorities/${LA}/overview"`);
      expect((await (await as(otherOfficer)).get(`/local-authorities/${LA}/${section}`)).statusCode).toBe(404);
    }
  });
});

describe('strengths, requests and health', () => {
  it('shows offers, requests and each collaborative’s activity, without ranking', async () => {
    const html = (await (await as(officer)).get(`/local-authorities/${LA}/overview`)).body;
    const text = pageText(html);
    expect(text).toContain('Coaching for attendance officers');
    expect(text).toContain('Help with guided reading');
    expect(html).toContain(`href="/local-authorities/${LA}/brokering"`);
    const health = html.split('data-testid="health"')[1]!.split('</table>')[0]!;
    expect(pageText(health)).toContain('Alpha cluster');
    // Two priorities and one more shared into the cluster this term, by members.
    expect(seen(health)).toMatch(/Alpha cluster 3 3 0 None 3/);
  });
});
