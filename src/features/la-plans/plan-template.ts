/**
 * The starting template WG opens a round with: the areas of the transition template the seed calls
 * Doc 1 (guidance on the collaborative model, June 2024; DOMAIN.md section 6). The official questions
 * are not public, so each area carries a guidance question of ours; WG edits them per round.
 */
export type TemplateSection = { titleEn: string; titleCy: string; guidanceEn: string; guidanceCy: string };

export const STARTING_TEMPLATE: readonly TemplateSection[] = [
  {
    titleEn: 'Our starting point',
    titleCy: 'Ein man cychwyn',
    guidanceEn:
      'Where are your schools and your LA now in moving to collaborative school improvement, and what have you learned so far?',
    guidanceCy:
      "Ble mae eich ysgolion a'ch awdurdod lleol ar hyn o bryd wrth symud at wella ysgolion ar y cyd, a beth ydych chi wedi'i ddysgu hyd yma?",
  },
  {
    titleEn: 'A collective vision agreed with headteachers',
    titleCy: "Gweledigaeth gyffredin wedi'i chytuno gyda phenaethiaid",
    guidanceEn:
      'How have you agreed a vision with school leaders that has collaborative improvement and collective responsibility at its core?',
    guidanceCy:
      'Sut ydych chi wedi cytuno ar weledigaeth gydag arweinwyr ysgolion sydd â gwella ar y cyd a chyfrifoldeb cyffredin yn ganolog iddi?',
  },
  {
    titleEn: 'Our map of collaboratives',
    titleCy: 'Ein map o grwpiau cydweithredol',
    guidanceEn:
      'Which vertical and horizontal collaboratives do your schools belong to, including those that work across LA boundaries?',
    guidanceCy:
      "I ba grwpiau cydweithredol fertigol a llorweddol y mae eich ysgolion yn perthyn, gan gynnwys y rhai sy'n gweithio ar draws ffiniau awdurdodau lleol?",
  },
  {
    titleEn: 'The future role of improvement partners',
    titleCy: 'Rôl partneriaid gwella yn y dyfodol',
    guidanceEn:
      'How will the role of your improvement partners or school improvement advisers change to facilitate collaboratives?',
    guidanceCy:
      'Sut fydd rôl eich partneriaid gwella neu eich ymgynghorwyr gwella ysgolion yn newid i hwyluso grwpiau cydweithredol?',
  },
  {
    titleEn: 'Growing system leadership and school-based capacity',
    titleCy: 'Datblygu arweinyddiaeth system a chapasiti mewn ysgolion',
    guidanceEn:
      'How will you give school leaders opportunities to lead collaborative improvement and build expertise within schools?',
    guidanceCy:
      "Sut fyddwch chi'n rhoi cyfleoedd i arweinwyr ysgolion arwain gwella ar y cyd a meithrin arbenigedd o fewn ysgolion?",
  },
  {
    titleEn: 'Finding local priorities and feeding them to Welsh Government',
    titleCy: "Canfod blaenoriaethau lleol a'u bwydo i Lywodraeth Cymru",
    guidanceEn:
      'How will you build an authentic understanding of local improvement priorities with schools, and share it to inform national priorities?',
    guidanceCy:
      "Sut fyddwch chi'n meithrin dealltwriaeth ddilys o flaenoriaethau gwella lleol gydag ysgolion, a'i rhannu i lywio blaenoriaethau cenedlaethol?",
  },
  {
    titleEn: 'Schools causing concern',
    titleCy: "Ysgolion sy'n peri pryder",
    guidanceEn:
      'How will you identify schools causing concern, use your statutory powers and provide bespoke support alongside collaborative work?',
    guidanceCy:
      "Sut fyddwch chi'n nodi ysgolion sy'n peri pryder, yn defnyddio eich pwerau statudol ac yn darparu cymorth pwrpasol ochr yn ochr â gwaith cydweithredol?",
  },
  {
    titleEn: 'Partnerships with other local authorities',
    titleCy: 'Partneriaethau gydag awdurdodau lleol eraill',
    guidanceEn:
      'Which partnerships with other LAs will you form, for shared services or for specific, time-limited work, and why?',
    guidanceCy:
      "Pa bartneriaethau gydag awdurdodau lleol eraill fyddwch chi'n eu ffurfio, ar gyfer gwasanaethau a rennir neu ar gyfer gwaith penodol am gyfnod cyfyngedig, a pham?",
  },
  {
    titleEn: 'Professional learning',
    titleCy: 'Dysgu proffesiynol',
    guidanceEn:
      'How will your staff and school leaders complete the national professional learning on facilitating collaborative improvement?',
    guidanceCy:
      "Sut fydd eich staff ac arweinwyr ysgolion yn cwblhau'r dysgu proffesiynol cenedlaethol ar hwyluso gwella ar y cyd?",
  },
  {
    titleEn: 'Equity, additional learning needs and curriculum',
    titleCy: "Tegwch, anghenion dysgu ychwanegol a'r cwricwlwm",
    guidanceEn:
      'How will collaborative work bring together curriculum and ALN reform, underpinned by equity for every learner?',
    guidanceCy:
      "Sut fydd gwaith cydweithredol yn dod â diwygio'r cwricwlwm ac ADY ynghyd, gyda thegwch i bob dysgwr yn sail iddo?",
  },
];
