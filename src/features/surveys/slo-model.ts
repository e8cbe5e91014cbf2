// The Schools in Wales as learning organisations (SLO) model (Welsh Government and OECD, 2017-2018):
// seven dimensions, each with its elements. The statements are our own words, written from the
// model's published description of each element, as something a member of staff agrees with or not.
// Reference data in both languages, not the database: a survey's questions name them by code.

export type Bilingual = { en: string; cy: string };
export type SloElement = { code: string; statement: Bilingual };
export type SloDimension = { code: string; name: Bilingual; elements: SloElement[] };

const el = (code: string, en: string, cy: string): SloElement => ({ code, statement: { en, cy } });

export const SLO_DIMENSIONS: readonly SloDimension[] = [
  {
    code: 'vision',
    name: {
      en: 'Developing a shared and inclusive vision centred on the learning of all learners',
      cy: "Datblygu gweledigaeth gyffredin a chynhwysol sy'n canolbwyntio ar ddysgu pob dysgwr",
    },
    elements: [
      el(
        'vision_1',
        "Our school's vision aims to improve the learning experiences and outcomes of every learner.",
        'Nod gweledigaeth ein hysgol yw gwella profiadau dysgu a deilliannau pob dysgwr.',
      ),
      el(
        'vision_2',
        'Our vision covers learners’ thinking, social and emotional growth and well-being, now and for the future, and it inspires us.',
        "Mae ein gweledigaeth yn cwmpasu twf meddyliol, cymdeithasol ac emosiynol a llesiant dysgwyr, nawr ac at y dyfodol, ac mae'n ein hysbrydoli.",
      ),
      el(
        'vision_3',
        'Learning and teaching here are planned to bring the vision about.',
        "Mae dysgu ac addysgu yma wedi'u cynllunio i wireddu'r weledigaeth.",
      ),
      el(
        'vision_4',
        'All staff, and governors, took part in shaping the vision.',
        "Cymerodd yr holl staff, a'r llywodraethwyr, ran yn llunio'r weledigaeth.",
      ),
      el(
        'vision_5',
        'Learners, parents and carers, the community and partners are invited to contribute to the vision.',
        'Caiff dysgwyr, rhieni a gofalwyr, y gymuned a phartneriaid eu gwahodd i gyfrannu at y weledigaeth.',
      ),
    ],
  },
  {
    code: 'continuous',
    name: {
      en: 'Creating and supporting continuous learning opportunities for all staff',
      cy: "Creu a chefnogi cyfleoedd dysgu parhaus i'r holl staff",
    },
    elements: [
      el(
        'continuous_1',
        'All staff keep learning, so that our practice is up to date and well informed.',
        "Mae'r holl staff yn dal ati i ddysgu, fel bod ein hymarfer yn gyfredol ac yn wybodus.",
      ),
      el('continuous_2', 'New staff are given good induction support.', 'Caiff staff newydd gefnogaeth sefydlu dda.'),
      el(
        'continuous_3',
        'Every member of staff can get coaching and mentoring.',
        'Gall pob aelod o staff gael hyfforddiant a mentora.',
      ),
      el(
        'continuous_4',
        "Our professional learning is about learners’ learning and the school's goals.",
        "Mae ein dysgu proffesiynol yn ymwneud â dysgu'r dysgwyr a nodau'r ysgol.",
      ),
      el(
        'continuous_5',
        'I help decide the aims and priorities of my own professional learning.',
        "Rwy'n helpu i benderfynu nodau a blaenoriaethau fy nysgu proffesiynol fy hun.",
      ),
      el(
        'continuous_6',
        'Professional learning here challenges how we think, so that our practice changes.',
        'Mae dysgu proffesiynol yma yn herio sut rydym yn meddwl, fel bod ein hymarfer yn newid.',
      ),
      el(
        'continuous_7',
        'Professional learning links learning on the job with expertise from outside the school.',
        "Mae dysgu proffesiynol yn cysylltu dysgu yn y gwaith ag arbenigedd o'r tu allan i'r ysgol.",
      ),
      el(
        'continuous_8',
        'Professional learning draws on feedback from several sources, learners among them.',
        'Mae dysgu proffesiynol yn defnyddio adborth o sawl ffynhonnell, gan gynnwys y dysgwyr.',
      ),
      el(
        'continuous_9',
        'Time and other resources are given for professional learning.',
        'Rhoddir amser ac adnoddau eraill ar gyfer dysgu proffesiynol.',
      ),
      el(
        'continuous_10',
        'The culture of the school encourages and supports professional learning.',
        'Mae diwylliant yr ysgol yn annog ac yn cefnogi dysgu proffesiynol.',
      ),
    ],
  },
  {
    code: 'team',
    name: {
      en: 'Promoting team learning and collaboration among all staff',
      cy: 'Hyrwyddo dysgu tîm a chydweithio ymhlith yr holl staff',
    },
    elements: [
      el(
        'team_1',
        'Staff learn how to work well together as a team.',
        "Mae staff yn dysgu sut i gydweithio'n dda fel tîm.",
      ),
      el(
        'team_2',
        'We work and learn together, in person and online, to improve learners’ experiences.',
        "Rydym yn gweithio ac yn dysgu gyda'n gilydd, wyneb yn wyneb ac ar-lein, i wella profiadau'r dysgwyr.",
      ),
      el(
        'team_3',
        'I feel comfortable asking colleagues for advice.',
        "Rwy'n teimlo'n gyfforddus yn gofyn i gydweithwyr am gyngor.",
      ),
      el(
        'team_4',
        'Trust and mutual respect are central to how we work.',
        "Mae ymddiriedaeth a pharch at ein gilydd yn ganolog i'r ffordd rydym yn gweithio.",
      ),
      el(
        'team_5',
        'We reflect together on how to make our own learning more effective.',
        "Rydym yn myfyrio gyda'n gilydd ar sut i wneud ein dysgu ein hunain yn fwy effeithiol.",
      ),
      el(
        'team_6',
        'The school gives time and resources for working and learning together.',
        "Mae'r ysgol yn rhoi amser ac adnoddau ar gyfer gweithio a dysgu gyda'n gilydd.",
      ),
    ],
  },
  {
    code: 'enquiry',
    name: {
      en: 'Establishing a culture of enquiry, innovation and exploration',
      cy: 'Sefydlu diwylliant o ymholi, arloesi ac archwilio',
    },
    elements: [
      el(
        'enquiry_1',
        'Staff want to, and feel able to, try new things in their practice.',
        "Mae staff eisiau, ac yn teimlo'n gallu, rhoi cynnig ar bethau newydd yn eu hymarfer.",
      ),
      el(
        'enquiry_2',
        'The school supports and recognises staff who take the initiative and take risks.',
        "Mae'r ysgol yn cefnogi ac yn cydnabod staff sy'n cymryd y cam cyntaf ac yn mentro.",
      ),
      el(
        'enquiry_3',
        'Staff use enquiry to look into their practice and develop it.',
        "Mae staff yn defnyddio ymholi i archwilio eu hymarfer a'i ddatblygu.",
      ),
      el(
        'enquiry_4',
        'Enquiry helps us build and keep a rich environment for learning.',
        'Mae ymholi yn ein helpu i greu a chynnal amgylchedd dysgu cyfoethog.',
      ),
      el(
        'enquiry_5',
        'Problems and mistakes are treated as chances to learn.',
        'Caiff problemau a chamgymeriadau eu trin fel cyfleoedd i ddysgu.',
      ),
      el('enquiry_6', 'Learners take an active part in enquiry.', 'Mae dysgwyr yn cymryd rhan weithredol mewn ymholi.'),
    ],
  },
  {
    code: 'knowledge',
    name: {
      en: 'Embedding systems for collecting and exchanging knowledge and learning',
      cy: 'Ymgorffori systemau ar gyfer casglu a chyfnewid gwybodaeth a dysgu',
    },
    elements: [
      el(
        'knowledge_1',
        'We have ways of checking progress and the gap between the impact we have and the impact we expect.',
        "Mae gennym ffyrdd o wirio cynnydd a'r bwlch rhwng yr effaith a gawn a'r effaith a ddisgwyliwn.",
      ),
      el(
        'knowledge_2',
        'Examples of practice, what worked and what did not, are there for all staff to learn from.',
        "Mae enghreifftiau o ymarfer, yr hyn a weithiodd a'r hyn na weithiodd, ar gael i'r holl staff ddysgu ohonynt.",
      ),
      el(
        'knowledge_3',
        'Research evidence is easy for staff to find and use.',
        "Mae tystiolaeth ymchwil yn hawdd i staff ei chanfod a'i defnyddio.",
      ),
      el(
        'knowledge_4',
        'There are regular, planned times to talk and share knowledge.',
        "Mae amseroedd rheolaidd, wedi'u cynllunio, i siarad a rhannu gwybodaeth.",
      ),
      el(
        'knowledge_5',
        'Staff can analyse and use data from several sources to shape teaching and the use of resources.',
        "Gall staff ddadansoddi a defnyddio data o sawl ffynhonnell i lywio addysgu a'r defnydd o adnoddau.",
      ),
      el(
        'knowledge_6',
        'Our school development plan is based on evidence from self-evaluation and is kept up to date.',
        "Mae ein cynllun datblygu ysgol yn seiliedig ar dystiolaeth o hunanwerthuso ac yn cael ei gadw'n gyfredol.",
      ),
      el(
        'knowledge_7',
        'We regularly check whether our ideas about what will bring change hold true, and revise them.',
        "Rydym yn gwirio'n rheolaidd a yw ein syniadau am yr hyn a ddaw â newid yn dal yn wir, ac yn eu diwygio.",
      ),
      el(
        'knowledge_8',
        'The school looks at the impact of professional learning.',
        "Mae'r ysgol yn edrych ar effaith dysgu proffesiynol.",
      ),
    ],
  },
  {
    code: 'external',
    name: {
      en: 'Learning with and from the external environment and larger system',
      cy: "Dysgu gyda'r amgylchedd allanol a'r system ehangach, ac oddi wrthynt",
    },
    elements: [
      el(
        'external_1',
        'The school watches what happens around it, so it can respond quickly to challenges and opportunities.',
        "Mae'r ysgol yn gwylio'r hyn sy'n digwydd o'i chwmpas, fel y gall ymateb yn gyflym i heriau a chyfleoedd.",
      ),
      el(
        'external_2',
        'The school is open to working with others who approach it.',
        "Mae'r ysgol yn agored i weithio gydag eraill sy'n cysylltu â hi.",
      ),
      el(
        'external_3',
        'Our partnerships are between equals, and both sides learn from them.',
        "Mae ein partneriaethau rhwng partneriaid cyfartal, ac mae'r ddwy ochr yn dysgu ohonynt.",
      ),
      el(
        'external_4',
        'We work with parents, carers and the community as partners in learners’ education and in how the school runs.',
        "Rydym yn gweithio gyda rhieni, gofalwyr a'r gymuned fel partneriaid yn addysg y dysgwyr ac yn y ffordd y mae'r ysgol yn cael ei rhedeg.",
      ),
      el(
        'external_5',
        'Staff learn and share knowledge with colleagues in other schools, through networks and school-to-school work.',
        'Mae staff yn dysgu ac yn rhannu gwybodaeth gyda chydweithwyr mewn ysgolion eraill, drwy rwydweithiau a gwaith rhwng ysgolion.',
      ),
      el(
        'external_6',
        'The school works with universities, businesses or other organisations to deepen and widen learning.',
        "Mae'r ysgol yn gweithio gyda phrifysgolion, busnesau neu sefydliadau eraill i ddyfnhau ac ehangu dysgu.",
      ),
      el(
        'external_7',
        'We use digital tools to communicate, share knowledge and work with people beyond the school.',
        "Rydym yn defnyddio offer digidol i gyfathrebu, rhannu gwybodaeth a gweithio gyda phobl y tu hwnt i'r ysgol.",
      ),
    ],
  },
  {
    code: 'leadership',
    name: {
      en: 'Modelling and growing learning leadership',
      cy: 'Modelu a datblygu arweinyddiaeth dysgu',
    },
    elements: [
      el(
        'leadership_1',
        'Leaders show what leading learning looks like, share leadership and help others, learners too, to lead.',
        'Mae arweinwyr yn dangos sut beth yw arwain dysgu, yn rhannu arweinyddiaeth ac yn helpu eraill, gan gynnwys dysgwyr, i arwain.',
      ),
      el(
        'leadership_2',
        'Leaders take the lead in change, and do so creatively.',
        "Mae arweinwyr yn arwain newid, a hynny'n greadigol.",
      ),
      el(
        'leadership_3',
        'Leaders build the culture, structures and conditions for professional dialogue, collaboration and sharing knowledge.',
        "Mae arweinwyr yn creu'r diwylliant, y strwythurau a'r amodau ar gyfer deialog broffesiynol, cydweithio a rhannu gwybodaeth.",
      ),
      el(
        'leadership_4',
        'Leaders make sure what the school does matches its vision, goals and values.',
        "Mae arweinwyr yn sicrhau bod yr hyn y mae'r ysgol yn ei wneud yn cyd-fynd â'i gweledigaeth, ei nodau a'i gwerthoedd.",
      ),
      el(
        'leadership_5',
        'Leaders keep up a steady rhythm of learning, change and innovation.',
        'Mae arweinwyr yn cynnal rhythm cyson o ddysgu, newid ac arloesi.',
      ),
      el(
        'leadership_6',
        'Leaders encourage, and take part in, strong collaboration with other schools, families, the community and other partners.',
        'Mae arweinwyr yn annog, ac yn cymryd rhan mewn, cydweithio cryf gydag ysgolion eraill, teuluoedd, y gymuned a phartneriaid eraill.',
      ),
      el(
        'leadership_7',
        'Leaders make sure learners’ learning and their other needs are met in a joined-up way.',
        "Mae arweinwyr yn sicrhau bod dysgu'r dysgwyr a'u hanghenion eraill yn cael eu diwallu mewn ffordd gydgysylltiedig.",
      ),
    ],
  },
];

/** Every element, in the model's order: the questions of an SLO survey. */
export const SLO_ELEMENTS: readonly (SloElement & { dimension: string })[] = SLO_DIMENSIONS.flatMap((d) =>
  d.elements.map((e) => ({ ...e, dimension: d.code })),
);

const byCode = new Map(SLO_ELEMENTS.map((e) => [e.code, e]));
export const sloElement = (code: string) => byCode.get(code) ?? null;

/** The agreement scale, as stored: 1 strongly disagree to 5 strongly agree; 0 "don't know". */
export const AGREEMENT_VALUES = [5, 4, 3, 2, 1, 0] as const;
export type AgreementValue = (typeof AGREEMENT_VALUES)[number];
/** Agree or strongly agree. */
export const AGREEING = new Set<number>([4, 5]);
