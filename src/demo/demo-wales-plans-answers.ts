/** Real-looking answers for the demo: Cardiff wrote in English, Swansea in Welsh (one per template section, in order). */
export const CARDIFF_ANSWERS = [
  'Cardiff has 126 maintained schools. Since 2023 every secondary school has worked in a cluster with its feeder primaries, and twelve clusters now meet each half term.\n\nOur self-evaluation shows strong leadership in most clusters but uneven shared understanding of progression, especially in mathematics between Years 5 and 8.',
  'In June we agreed with the headteachers\' forum a vision of "every school improving with and for each other". Headteachers wrote it with us and it is reviewed at each termly forum.',
  'Twelve vertical clusters (one per secondary school and its primaries), three horizontal groups (Welsh-medium secondaries with Swansea, Bridgend and Rhondda Cynon Taf; special schools and the PRU; faith schools with the Archdiocese) and a new early years network.',
  'Our improvement partners will move from monitoring single schools to facilitating clusters: each facilitates two clusters and one horizontal group, and keeps direct work only with schools causing concern.',
  'Twenty headteachers lead collaborative work as system leaders, with release time funded from the school improvement grant. We will double school-based facilitators by July through the national professional learning.',
  'Clusters share their priorities with us through Cydwella; we consolidate them each term by theme and national priority and share the aggregate with Welsh Government. Literacy in Years 7 and 8 and attendance are the two most common.',
  'We keep the register of schools causing concern separate from collaborative work. Three schools receive bespoke support with a named improvement partner and termly review.',
  'With Swansea, Bridgend and Rhondda Cynon Taf we run the South Wales Welsh-medium education partnership, sharing a Welsh-medium adviser and professional learning.',
  'All LA staff supporting self-evaluation will complete the national programme on facilitating collaborative improvement by December; 19 of 23 secondaries already have a senior leader trained.',
  'Equity runs through each cluster plan: eFSM attendance, ALN transition between primary and secondary, and a shared understanding of progression in the Curriculum for Wales.',
];

export const SWANSEA_ANSWERS = [
  "Mae gan Abertawe 95 o ysgolion a gynhelir. Mae pob ysgol yn rhan o grŵp cydweithredol, ac mae'r penaethiaid yn arwain y gwaith ers 2023.\n\nMae ein hunanwerthuso yn dangos cryfder mewn lles a chynnydd arafach mewn rhifedd yng nghyfnod allweddol 3.",
  'Cytunwyd ar ein gweledigaeth gyda fforwm y penaethiaid ym mis Mai: "dysgu gyda\'n gilydd er mwyn pob dysgwr". Mae\'r fforwm yn ei hadolygu bob tymor.',
  'Naw grŵp cydweithredol fertigol o amgylch yr ysgolion uwchradd, dau grŵp llorweddol (ysgolion arbennig, ac ysgolion cyfrwng Cymraeg gyda Chaerdydd, Pen-y-bont ar Ogwr a Rhondda Cynon Taf).',
  "Bydd ein partneriaid gwella yn hwyluso'r grwpiau cydweithredol yn hytrach na monitro ysgolion unigol, gan gadw gwaith uniongyrchol ar gyfer ysgolion sy'n peri pryder.",
  "Mae pymtheg pennaeth yn arwain gwaith ar draws y system. Byddwn yn hyfforddi hwyluswyr ym mhob grŵp cydweithredol drwy'r dysgu proffesiynol cenedlaethol.",
  "Mae'r grwpiau cydweithredol yn rhannu eu blaenoriaethau gyda ni bob tymor; rydym yn eu cyfuno yn ôl thema a'u rhannu â Llywodraeth Cymru fel darlun cyfanredol.",
  "Mae'r gofrestr o ysgolion sy'n peri pryder ar wahân i'r gwaith cydweithredol. Mae dwy ysgol yn cael cymorth pwrpasol gydag adolygiad bob tymor.",
  'Rydym yn aelod o Bartneriaeth addysg Gymraeg y De gyda Chaerdydd, Pen-y-bont ar Ogwr a Rhondda Cynon Taf.',
  "Bydd holl staff yr awdurdod lleol sy'n cefnogi hunanwerthuso wedi cwblhau'r rhaglen genedlaethol erbyn mis Rhagfyr.",
  'Mae tegwch wrth wraidd pob cynllun: presenoldeb dysgwyr eFSM, pontio ar gyfer dysgwyr ag ADY, a dealltwriaeth gyffredin o gynnydd yng Nghwricwlwm i Gymru.',
];

/** What WG said on Cardiff's first submission, by section number (1-based). */
export const CARDIFF_COMMENTS = [
  {
    section: 3,
    body: 'Thank you for a clear map. Please say how the faith schools group will link with the clusters its schools also belong to.',
  },
  {
    section: 6,
    body: "Diolch. A wnewch chi ddweud pa mor aml y byddwch yn rhannu'r darlun cyfanredol â ni, ac ar ba lefel?",
    language: 'cy',
  },
];
