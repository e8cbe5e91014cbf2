import { PDFParse } from 'pdf-parse';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { loadDemoSchoolCycle } from '../../demo/demo-school-cycle.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));

async function pdfText(buffer: Buffer): Promise<string> {
  const parser = new PDFParse({ data: buffer });
  // Table cells wrap across lines: compare words, not line breaks.
  return (await parser.getText()).text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db, { name: 'Ysgol Gynradd Brawf' });
  people = await buildSchoolPeople(t.database.db, school);
  await loadDemoSchoolCycle(
    t.database.db,
    school.number,
    {
      headteacher: people.headteacher.id,
      leader: people.leader.id,
      practitioner: people.practitioner.id,
      governor: people.governor.id,
    },
    new Date(),
  );
});
afterAll(() => t.close());

describe('school documents', () => {
  it('renders the SDP summary as a page from what was recorded, in either language', async () => {
    const head = await as(people.headteacher);
    const en = pageText((await head.get(`/schools/${school.number}/outputs/sdp-summary?lang=en`)).body);
    expect(en).toContain('School development plan: summary');
    expect(en).toContain('Cywirdeb iaith mewn ysgrifennu estynedig');
    expect(en).toContain('Reduce persistent absence in Years 3 to 6 to below 10%');
    expect(en).toMatch(/The governing body approved this plan on \d+ \w+ \d{4}/);
    expect(en).not.toContain('Numeracy reasoning'); // a draft is not in the plan
    const cy = pageText((await head.get(`/schools/${school.number}/outputs/sdp-summary?lang=cy`)).body);
    expect(cy).toContain('Cynllun datblygu ysgol: crynodeb');
    expect(cy).toContain('Ar gyfer pwy');
  });

  it('produces PDFs whose text is there, with Welsh letters intact, in both languages', async () => {
    const head = await as(people.headteacher);
    const cy = await t.app.inject({
      url: `/schools/${school.number}/outputs/self-evaluation.pdf?language=cy`,
      headers: {
        cookie: Object.entries(head.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
      },
    });
    expect(cy.statusCode).toBe(200);
    expect(cy.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(cy.rawPayload);
    expect(text).toContain('Trosolwg hunanwerthuso');
    expect(text).toContain('Ein cryfderau');
    expect(text).toContain('Mae dysgwyr yn esbonio eu rhesymu mathemategol yn hyderus');
    expect(text).toContain('Learners feel safe and supported');
    const en = await t.app.inject({
      url: `/schools/${school.number}/outputs/support-log.pdf?language=en`,
      headers: {
        cookie: Object.entries(head.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
      },
    });
    const enText = await pdfText(en.rawPayload);
    expect(enText).toContain('External support received');
    expect(enText).toContain('LA attendance officer: half a day a week');
    expect(enText).toContain('£1,200.00');
    expect(enText).toContain('Page 1 of 1');
    const cyLog = await pdfText(
      (
        await t.app.inject({
          url: `/schools/${school.number}/outputs/support-log.pdf?language=cy`,
          headers: {
            cookie: Object.entries(head.cookies)
              .map(([k, v]) => `${k}=${v}`)
              .join('; '),
          },
        })
      ).rawPayload,
    );
    expect(cyLog).toContain('Gan y grŵp cydweithredol');
  });

  it('produces Word documents in both languages', async () => {
    const head = await as(people.headteacher);
    const cookie = Object.entries(head.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const cy = await t.app.inject({
      url: `/schools/${school.number}/outputs/progress.docx?language=cy`,
      headers: { cookie },
    });
    expect(cy.headers['content-disposition']).toContain(`${school.number}-progress-cy.docx`);
    const cyText = (await mammoth.extractRawText({ buffer: cy.rawPayload })).value;
    expect(cyText).toContain("Cynnydd ar flaenoriaethau'r llynedd");
    expect(cyText).toContain('Cododd presenoldeb dysgwyr eFSM');
    expect(cyText).toContain("Dysgwyr sy'n gymwys i gael prydau ysgol am ddim (eFSM)");
    expect(cyText).toContain('92.4');
    const en = await t.app.inject({
      url: `/schools/${school.number}/outputs/sdp-summary.docx?language=en`,
      headers: { cookie },
    });
    const enText = (await mammoth.extractRawText({ buffer: en.rawPayload })).value;
    expect(enText).toContain('How we will know it has worked');
  });

  it('shows governors and the LA only the documents shared with them, and others none', async () => {
    const governor = await as(people.governor);
    const list = pageText((await governor.get(`/schools/${school.number}/outputs?lang=en`)).body);
    expect(list).toContain('School development plan: summary');
    expect(list).not.toContain('External support received');
    expect((await governor.get(`/schools/${school.number}/outputs/support-log`)).statusCode).toBe(404);
    expect((await governor.get(`/schools/${school.number}/outputs/sdp-summary`)).statusCode).toBe(200);
    const la = await as(people.laOfficer);
    expect((await la.get(`/schools/${school.number}/outputs/self-evaluation`)).statusCode).toBe(200);
    expect((await la.get(`/schools/${school.number}/outputs/progress.pdf`)).statusCode).toBe(404);
    expect(
      (await (await as(people.otherLaOfficer)).get(`/schools/${school.number}/outputs/self-evaluation`)).statusCode,
    ).toBe(404);
    expect((await (await as(people.otherHeadteacher)).get(`/schools/${school.number}/outputs`)).statusCode).toBe(404);
  });
});
