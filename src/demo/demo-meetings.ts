import type { Db } from '../db/client.ts';
import { insertCollaboration } from './demo-collaboration-repository.ts';
import { SCHOOLS as S, type DemoCollaboratives } from './demo-collaboratives.ts';

const day = (offset: number, from: Date) => new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/** Meetings with agreed actions, and sessions on a shared understanding of progression. */
export async function loadDemoMeetings(
  db: Db,
  c: DemoCollaboratives,
  people: { headteacher: string; leader: string },
  now: Date,
) {
  const p = c.people;
  const { cluster, swansea, primaries, welshMedium } = c.collaboratives;
  await insertCollaboration.meeting(
    db,
    {
      collaborativeId: cluster,
      title: 'Cyfarfod clwstwr: ysgrifennu a phontio',
      meetsOn: day(-30, now),
      startsAt: '15:45',
      endsAt: '17:15',
      location: 'Ysgol Gyfun Gymraeg Bro Edern',
      language: 'cy',
      createdBy: p('lead'),
      agenda:
        "1. Ymholiad Ysgol Y Berllan Deg: beth ddysgon ni\n2. Cymedroli ysgrifennu ar gyfer cam cynnydd 3\n3. Pontio Blwyddyn 6 i 7: dyddiadau'r gwanwyn",
      attendees:
        "Nia Lewis, arweinydd y clwstwr\nElin Jones, Ysgol Y Berllan Deg\nIoan Rees, Bro Edern\nSioned Price, Ysgol Y Wern\nGareth Morgan, partner gwella'r awdurdod lleol",
      notes:
        "Rhannodd Elin yr hyn a ddysgodd yr ysgol o'r ymholiad. Cytunwyd y bydd pob ysgol gynradd yn dod â chwe sampl ysgrifennu dienw i'r sesiwn gymedroli nesaf.",
    },
    [S.berllanDeg, S.penYGroes, S.broEdern, S.yWern],
    [
      {
        description: "Dod â chwe sampl ysgrifennu dienw i'r sesiwn gymedroli",
        owner: 'Elin Jones',
        ownerUserId: people.headteacher,
        ownerSchoolNumber: S.berllanDeg,
        dueOn: day(-20, now),
        status: 'done',
        language: 'cy',
      },
      {
        description: "Trefnu dyddiadau pontio'r gwanwyn gyda'r ysgolion cynradd",
        // The cluster's lead (a demo account): "My actions" shows it to her.
        owner: 'Nia Lewis',
        ownerUserId: p('lead'),
        dueOn: day(-2, now),
        language: 'cy',
      },
      {
        description: "Rhannu canllaw'r awdurdod lleol ar bresenoldeb",
        owner: 'Gareth Morgan',
        ownerUserId: p('partner'),
        dueOn: day(10, now),
        language: 'cy',
      },
    ],
  );
  await insertCollaboration.meeting(
    db,
    {
      collaborativeId: cluster,
      title: "Cyfarfod clwstwr: cynllunio'r gwanwyn",
      meetsOn: day(12, now),
      startsAt: '15:45',
      endsAt: '17:00',
      location: 'Ysgol Y Berllan Deg',
      language: 'cy',
      createdBy: p('lead'),
      agenda:
        "1. Adborth o'r ymholiad yn Ysgol Gynradd Gymraeg Pen-y-groes\n2. Cynllun pontio\n3. Ymholiadau'r gwanwyn",
    },
    [],
    [],
  );
  await insertCollaboration.meeting(
    db,
    {
      collaborativeId: welshMedium,
      title: 'Cyfarfod tymhorol y grŵp uwchradd Cymraeg',
      meetsOn: day(-21, now),
      startsAt: '10:00',
      endsAt: '12:00',
      location: 'Ar-lein (Teams)',
      language: 'cy',
      createdBy: p('meinir'),
      agenda:
        "1. Ymholiad Bro Edern: presenoldeb Blwyddyn 9\n2. Defnydd anffurfiol o'r Gymraeg\n3. Cynnig Ysgol Gyfun Gymraeg Glantaf",
      attendees:
        'Meinir Huws, Glantaf (arweinydd)\nIoan Rees, Bro Edern\nRhys Llywelyn, Plasmawr\nGeraint Morris, Bryn Tawe\nIwan Griffiths, Garth Olwg\nGareth Morgan, partner gwella',
      notes:
        'Cytunodd Plasmawr i rannu ei gynllun mentora gyda Bro Edern. Bydd Glantaf yn cynnig ymholiad ar iaith anffurfiol.',
    },
    [S.glantaf, S.broEdern, S.plasmawr, S.brynTawe, S.garthOlwg],
    [
      {
        description: 'Rhannu cynllun mentora Plasmawr',
        owner: 'Rhys Llywelyn',
        ownerUserId: p('rhys'),
        ownerSchoolNumber: S.plasmawr,
        dueOn: day(30, now),
        language: 'cy',
      },
    ],
  );
  await insertCollaboration.meeting(
    db,
    {
      collaborativeId: swansea,
      title: 'Cluster heads’ meeting',
      meetsOn: day(-14, now),
      startsAt: '13:30',
      endsAt: '15:00',
      location: 'Pontarddulais Comprehensive School',
      language: 'en',
      createdBy: p('mark'),
      agenda:
        '1. Reading at transition\n2. Peer enquiry at Pontarddulais Primary: protocol\n3. Professional learning for teaching assistants',
      attendees:
        'Mark Williams, Pontarddulais Comprehensive (lead)\nHelen Jenkins, Pontarddulais Primary\nAngharad Bowen, YGG Bryniago\nTom Harries, Pontlliw Primary\nOwain Price, LA improvement partner',
      notes: 'Agreed the protocol for the enquiry at Pontarddulais Primary. Penllergaer sent apologies.',
    },
    [S.pontarddulaisComp, S.pontarddulaisPrimary, S.bryniago, S.pontlliw],
    [
      {
        description: 'Share Year 7 reading test results with the primaries',
        owner: 'Mark Williams',
        ownerUserId: p('mark'),
        ownerSchoolNumber: S.pontarddulaisComp,
        dueOn: day(7, now),
        language: 'en',
      },
    ],
  );
  await insertCollaboration.meeting(
    db,
    {
      collaborativeId: primaries,
      title: 'Reasoning in maths: planning the enquiry',
      meetsOn: day(-25, now),
      startsAt: '16:00',
      endsAt: '17:00',
      location: 'Lakeside Primary School',
      language: 'en',
      createdBy: p('sarah'),
      agenda: '1. Lakeside’s enquiry question\n2. Who can visit\n3. Springwood’s proposal',
      attendees:
        'Sarah Khan, Lakeside (lead)\nJames Lloyd, Llanedeyrn\nBethan Morgan, Glyncoed\nPriya Patel, Springwood\nGareth Morgan, LA improvement partner',
    },
    [S.lakeside, S.llanedeyrn, S.glyncoed, S.springwood],
    [],
  );

  await insertCollaboration.progression(
    db,
    {
      collaborativeId: cluster,
      heldOn: day(-20, now),
      area: 'languages_literacy',
      progressionStep: 3,
      focus: 'Pontio Blwyddyn 6 i 7: ysgrifennu estynedig yn Gymraeg',
      language: 'cy',
      createdBy: p('lead'),
      samples:
        'Chwe darn o waith dienw o bob ysgol gynradd (ysgrifennu perswadiol Blwyddyn 6), a phedwar darn Blwyddyn 7 o Bro Edern.',
      expectations:
        "Ar gam cynnydd 3, mae dysgwyr yn trefnu darn estynedig mewn paragraffau, yn cynnal cywirdeb treigladau cyffredin drwy'r darn, ac yn gwirio eu gwaith gyda rhestr wirio. Bydd Bro Edern yn adeiladu ar hyn ym Mlwyddyn 7.",
    },
    [S.berllanDeg, S.penYGroes, S.yWern, S.broEdern],
  );
  await insertCollaboration.progression(
    db,
    {
      collaborativeId: swansea,
      heldOn: day(-40, now),
      area: 'skill_numeracy',
      progressionStep: 3,
      focus: 'Using numeracy in science investigations',
      language: 'en',
      createdBy: p('mark'),
      samples: 'Eight anonymised Year 6 science write-ups and four Year 7 ones, with graphs and tables.',
      expectations:
        'At progression step 3, learners choose a suitable scale, label axes and describe a trend in words; the comprehensive will not re-teach this in Year 7 but extend it to line graphs.',
    },
    [S.pontarddulaisComp, S.pontarddulaisPrimary, S.bryniago, S.pontlliw],
  );
}
