import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { scopeOf, type Role } from '../policy/roles.ts';
import { insertCollaboration } from './demo-collaboration-repository.ts';
import { insertDemoUser } from './demo-repository.ts';

/** Real schools of the 2018 list, by the name people use. */
export const SCHOOLS = {
  broEdern: '6814074',
  berllanDeg: '6812308',
  penYGroes: '6812323',
  yWern: '6812169',
  plasmawr: '6814072',
  glantaf: '6814071',
  brynTawe: '6704078',
  llangynwyd: '6724085',
  garthOlwg: '6744054',
  pontarddulaisComp: '6704072',
  pontarddulaisPrimary: '6702186',
  bryniago: '6702189',
  pontlliw: '6702192',
  penllergaer: '6702174',
  lakeside: '6812074',
  llanedeyrn: '6812094',
  springwood: '6812096',
  brynCelyn: '6812107',
  glyncoed: '6812328',
  pontprennau: '6812330',
} as const;
const S = SCHOOLS;

/** Colleagues in the demo's other schools and LAs: the people enquiries and meetings need. */
const PEOPLE = {
  ioan: { name: 'Ioan Rees', role: 'headteacher', scope: S.broEdern, lang: 'cy' },
  sioned: { name: 'Sioned Price', role: 'headteacher', scope: S.yWern, lang: 'cy' },
  rhys: { name: 'Rhys Llywelyn', role: 'headteacher', scope: S.plasmawr, lang: 'cy' },
  meinir: { name: 'Meinir Huws', role: 'headteacher', scope: S.glantaf, lang: 'cy' },
  geraint: { name: 'Geraint Morris', role: 'headteacher', scope: S.brynTawe, lang: 'cy' },
  lowri: { name: 'Lowri Powell', role: 'school_leader', scope: S.llangynwyd, lang: 'cy' },
  iwan: { name: 'Iwan Griffiths', role: 'headteacher', scope: S.garthOlwg, lang: 'cy' },
  mark: { name: 'Mark Williams', role: 'headteacher', scope: S.pontarddulaisComp, lang: 'en' },
  helen: { name: 'Helen Jenkins', role: 'headteacher', scope: S.pontarddulaisPrimary, lang: 'en' },
  angharad: { name: 'Angharad Bowen', role: 'headteacher', scope: S.bryniago, lang: 'cy' },
  tom: { name: 'Tom Harries', role: 'school_leader', scope: S.pontlliw, lang: 'en' },
  owain: { name: 'Owain Price', role: 'improvement_partner', scope: '670', lang: 'en' },
  sarah: { name: 'Sarah Khan', role: 'headteacher', scope: S.lakeside, lang: 'en' },
  james: { name: 'James Lloyd', role: 'headteacher', scope: S.llanedeyrn, lang: 'en' },
  bethan: { name: 'Bethan Morgan', role: 'school_leader', scope: S.glyncoed, lang: 'en' },
  priya: { name: 'Priya Patel', role: 'headteacher', scope: S.springwood, lang: 'en' },
  // The LA side (issue 6): Swansea's head of school improvement, and the chair of governors of a Cardiff school causing concern.
  emyr: { name: 'Emyr Jenkins', role: 'la_officer', scope: '670', lang: 'cy' },
  susan: { name: 'Susan Clarke', role: 'chair_of_governors', scope: `GB${S.llanedeyrn}`, lang: 'en' },
} as const satisfies Record<string, { name: string; role: Role; scope: string; lang: 'en' | 'cy' }>;
export type DemoPerson = keyof typeof PEOPLE;

const email = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.')}@demo.cydwella.cymru`;
export const PARTNERSHIP_COORDINATOR_EMAIL = 'partnership.coordinator@demo.cydwella.cymru';

/**
 * The demo's collaboratives besides the Bro Edern cluster: a vertical cluster in Swansea, a
 * horizontal group of Cardiff primaries and a cross-LA group of Welsh-medium secondaries, with
 * their leads and LA facilitators, and the partnership whose coordinator can manage the last.
 */
export async function loadDemoCollaboratives(
  db: Db,
  passwordHash: string,
  known: { cluster: string; lead: string; partner: string; officer: string },
) {
  const people = new Map<DemoPerson | 'lead' | 'partner' | 'officer' | 'coordinator', string>([
    ['lead', known.lead],
    ['partner', known.partner],
    ['officer', known.officer],
  ]);
  for (const [key, p] of Object.entries(PEOPLE) as [DemoPerson, (typeof PEOPLE)[DemoPerson]][]) {
    const id = await insertDemoUser(
      db,
      { email: email(p.name), displayName: p.name, preferredLanguage: p.lang, passwordHash },
      [{ role: p.role, scopeType: scopeOf(p.role), scopeId: p.scope }],
    );
    people.set(key, id);
  }
  const swansea = await insertCollaboration.collaborative(
    db,
    {
      kind: 'vertical',
      nameEn: 'Pontarddulais cluster',
      nameCy: 'Clwstwr Pontarddulais',
      laCode: '670',
      status: 'active',
    },
    [S.pontarddulaisComp, S.pontarddulaisPrimary, S.bryniago, S.pontlliw, S.penllergaer],
  );
  const primaries = await insertCollaboration.collaborative(
    db,
    {
      kind: 'horizontal',
      basis: 'phase',
      nameEn: 'North-east Cardiff primary collaborative',
      nameCy: 'Grŵp cydweithredol cynradd gogledd-ddwyrain Caerdydd',
      laCode: '681',
      status: 'active',
    },
    [S.lakeside, S.llanedeyrn, S.springwood, S.brynCelyn, S.glyncoed, S.pontprennau],
  );
  const welshMedium = await insertCollaboration.collaborative(
    db,
    {
      kind: 'horizontal',
      basis: 'welsh_medium',
      nameEn: 'South Wales Welsh-medium secondary collaborative',
      nameCy: 'Grŵp cydweithredol uwchradd Cymraeg y De',
      laCode: '681',
      status: 'active',
    },
    [S.broEdern, S.plasmawr, S.glantaf, S.brynTawe, S.llangynwyd, S.garthOlwg],
  );
  const id = (key: DemoPerson | 'lead' | 'partner') => people.get(key)!;
  // The Bro Edern cluster's lead is also the head of Pen-y-groes: one person, several roles.
  await insertCollaboration.roles(db, [
    { userId: known.lead, role: 'headteacher', scopeType: 'school', scopeId: S.penYGroes },
    { userId: id('mark'), role: 'collaborative_lead', scopeType: 'collaborative', scopeId: swansea },
    { userId: id('sarah'), role: 'collaborative_lead', scopeType: 'collaborative', scopeId: primaries },
    { userId: id('meinir'), role: 'collaborative_lead', scopeType: 'collaborative', scopeId: welshMedium },
  ]);
  await insertCollaboration.facilitators(db, [
    { collaborativeId: known.cluster, userId: known.partner },
    { collaborativeId: primaries, userId: known.partner },
    { collaborativeId: welshMedium, userId: known.partner },
    { collaborativeId: swansea, userId: id('owain') },
  ]);
  const partnership = await insertCollaboration.partnership(
    db,
    {
      kind: 'specific',
      nameEn: 'South Wales Welsh-medium education partnership',
      nameCy: 'Partneriaeth addysg Gymraeg y De',
      language: 'en',
      purpose: 'Sharing expertise between Welsh-medium secondary schools across four authorities',
      startsOn: '2025-09-01',
      endsOn: '2028-08-31',
    },
    ['681', '670', '672', '674'],
  );
  const coordinator = await insertDemoUser(
    db,
    { email: PARTNERSHIP_COORDINATOR_EMAIL, displayName: 'Carys Edwards', preferredLanguage: 'cy', passwordHash },
    [{ role: 'partnership_coordinator', scopeType: 'la_partnership', scopeId: partnership }],
  );
  people.set('coordinator', coordinator);
  for (const c of [swansea, primaries, welshMedium])
    await appendAudit(db, {
      actorId: null,
      action: 'demo-collaborative-create',
      entityType: 'collaborative',
      entityId: c,
    });
  return {
    collaboratives: { cluster: known.cluster, swansea, primaries, welshMedium },
    people: (key: DemoPerson | 'lead' | 'partner' | 'officer' | 'coordinator') => people.get(key)!,
  };
}
export type DemoCollaboratives = Awaited<ReturnType<typeof loadDemoCollaboratives>>;
