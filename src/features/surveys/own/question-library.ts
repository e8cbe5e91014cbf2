// Starting questions for a school's own survey (issue 18, part 2), in both languages, by audience:
// wellbeing, learning, communication with families and the Welsh language. Reference data: a leader
// adds them to a draft, where each becomes the survey's own copy and may be edited like any other.
import type { SURVEY_AUDIENCES } from '../../../db/schema/surveys.ts';

export type Audience = (typeof SURVEY_AUDIENCES)[number];
type Both = { en: string; cy: string };
export type LibraryQuestion = {
  code: string;
  kind: 'agreement' | 'choice' | 'text';
  text: Both;
  options?: Both[];
};

const agree = (code: string, en: string, cy: string): LibraryQuestion => ({
  code,
  kind: 'agreement',
  text: { en, cy },
});
const words = (code: string, en: string, cy: string): LibraryQuestion => ({ code, kind: 'text', text: { en, cy } });
const choice = (code: string, en: string, cy: string, options: Both[]): LibraryQuestion => ({
  code,
  kind: 'choice',
  text: { en, cy },
  options,
});

const OFTEN: Both[] = [
  { en: 'Every day', cy: 'Bob dydd' },
  { en: 'Most days', cy: 'Y rhan fwyaf o ddyddiau' },
  { en: 'Sometimes', cy: 'Weithiau' },
  { en: 'Rarely or never', cy: 'Anaml neu byth' },
];
const HOW_TO_HEAR: Both[] = [
  { en: 'The school app or email', cy: 'Ap yr ysgol neu e-bost' },
  { en: 'Text message', cy: 'Neges destun' },
  { en: 'Paper letter', cy: 'Llythyr papur' },
  { en: 'Talking to staff', cy: "Siarad â'r staff" },
];

export const QUESTION_LIBRARY: Record<Audience, LibraryQuestion[]> = {
  staff: [
    agree('staff-valued', 'I feel valued for the work I do.', "Rwy'n teimlo bod fy ngwaith yn cael ei werthfawrogi."),
    agree('staff-workload', 'My workload is manageable.', 'Mae fy llwyth gwaith yn rhesymol.'),
    agree(
      'staff-wellbeing-support',
      'I know where to get support for my wellbeing.',
      "Rwy'n gwybod ble i gael cymorth ar gyfer fy llesiant.",
    ),
    agree(
      'staff-learning-time',
      'I have time to learn with and from colleagues.',
      'Mae gen i amser i ddysgu gyda chydweithwyr ac oddi wrthyn nhw.',
    ),
    agree(
      'staff-voice',
      'My views are listened to when decisions are made.',
      'Mae fy marn yn cael ei chlywed pan wneir penderfyniadau.',
    ),
    agree(
      'staff-priorities',
      "I understand the school's priorities for this year.",
      "Rwy'n deall blaenoriaethau'r ysgol ar gyfer eleni.",
    ),
    agree(
      'staff-families',
      'Communication between the school and families works well.',
      "Mae'r cyfathrebu rhwng yr ysgol a theuluoedd yn gweithio'n dda.",
    ),
    agree(
      'staff-welsh-confidence',
      'I feel confident using Welsh with learners.',
      "Rwy'n teimlo'n hyderus yn defnyddio'r Gymraeg gyda dysgwyr.",
    ),
    agree(
      'staff-welsh-support',
      'I get the support I need to develop my Welsh.',
      "Rwy'n cael y cymorth sydd ei angen arnaf i ddatblygu fy Nghymraeg.",
    ),
    choice(
      'staff-learning-often',
      'How often do you take part in professional learning with colleagues?',
      "Pa mor aml ydych chi'n cymryd rhan mewn dysgu proffesiynol gyda chydweithwyr?",
      [
        { en: 'Every week', cy: 'Bob wythnos' },
        { en: 'Every month', cy: 'Bob mis' },
        { en: 'Every term', cy: 'Bob tymor' },
        { en: 'Less often', cy: 'Yn llai aml' },
      ],
    ),
    words(
      'staff-one-change',
      'What one change would make the biggest difference to your work?',
      "Pa un newid fyddai'n gwneud y gwahaniaeth mwyaf i'ch gwaith?",
    ),
    words('staff-going-well', 'What is going well at the school?', "Beth sy'n mynd yn dda yn yr ysgol?"),
  ],
  learners: [
    agree('learners-safe', 'I feel safe in school.', "Rwy'n teimlo'n ddiogel yn yr ysgol."),
    agree(
      'learners-adult',
      'There is an adult in school I can talk to if I am worried.',
      "Mae oedolyn yn yr ysgol y gallaf siarad ag ef neu hi os ydw i'n poeni.",
    ),
    agree('learners-happy', 'I am happy at school.', "Rwy'n hapus yn yr ysgol."),
    agree(
      'learners-challenge',
      'My lessons help me learn new things.',
      'Mae fy ngwersi yn fy helpu i ddysgu pethau newydd.',
    ),
    agree('learners-improve', 'I know how to improve my work.', "Rwy'n gwybod sut i wella fy ngwaith."),
    agree('learners-listened', 'The school listens to my ideas.', "Mae'r ysgol yn gwrando ar fy syniadau."),
    agree(
      'learners-kind',
      'Learners in my school are kind to each other.',
      "Mae dysgwyr yn fy ysgol yn garedig â'i gilydd.",
    ),
    agree('learners-welsh-enjoy', 'I enjoy using Welsh.', "Rwy'n mwynhau defnyddio'r Gymraeg."),
    choice(
      'learners-welsh-outside',
      'How often do you use Welsh outside lessons?',
      "Pa mor aml ydych chi'n defnyddio'r Gymraeg y tu allan i wersi?",
      OFTEN,
    ),
    choice(
      'learners-tired',
      'How often do you feel too tired to learn?',
      "Pa mor aml ydych chi'n teimlo'n rhy flinedig i ddysgu?",
      OFTEN,
    ),
    words('learners-best', 'What is the best thing about your school?', "Beth yw'r peth gorau am dy ysgol di?"),
    words('learners-change', 'What would you change about your school?', "Beth fyddet ti'n ei newid am dy ysgol di?"),
  ],
  families: [
    agree('families-happy', 'My child is happy at this school.', 'Mae fy mhlentyn yn hapus yn yr ysgol hon.'),
    agree(
      'families-safe',
      'My child feels safe at this school.',
      "Mae fy mhlentyn yn teimlo'n ddiogel yn yr ysgol hon.",
    ),
    agree(
      'families-progress',
      'I know how well my child is getting on.',
      "Rwy'n gwybod pa mor dda y mae fy mhlentyn yn dod yn ei flaen.",
    ),
    agree(
      'families-support-learning',
      'The school tells me how I can help my child learn at home.',
      "Mae'r ysgol yn dweud wrthyf sut y gallaf helpu fy mhlentyn i ddysgu gartref.",
    ),
    agree(
      'families-approachable',
      'Staff are easy to approach with a question or a concern.',
      "Mae'n hawdd mynd at y staff gyda chwestiwn neu bryder.",
    ),
    agree('families-listened', 'The school listens to my views.', "Mae'r ysgol yn gwrando ar fy marn."),
    agree(
      'families-informed',
      'I get the information I need from the school in good time.',
      "Rwy'n cael yr wybodaeth sydd ei hangen arnaf gan yr ysgol mewn da bryd.",
    ),
    agree(
      'families-wellbeing',
      "The school looks after my child's wellbeing.",
      "Mae'r ysgol yn gofalu am lesiant fy mhlentyn.",
    ),
    agree(
      'families-welsh',
      'The school helps my child to use and enjoy Welsh.',
      "Mae'r ysgol yn helpu fy mhlentyn i ddefnyddio'r Gymraeg a'i mwynhau.",
    ),
    choice(
      'families-hear',
      'How do you prefer to hear from the school?',
      "Sut mae'n well gennych glywed gan yr ysgol?",
      HOW_TO_HEAR,
    ),
    choice(
      'families-home-language',
      'Which language do you mostly use at home?',
      "Pa iaith ydych chi'n ei defnyddio fwyaf gartref?",
      [
        { en: 'Welsh', cy: 'Cymraeg' },
        { en: 'English', cy: 'Saesneg' },
        { en: 'Welsh and English', cy: 'Cymraeg a Saesneg' },
        { en: 'Another language', cy: 'Iaith arall' },
      ],
    ),
    words(
      'families-improve',
      'What one thing could the school do better?',
      "Beth yw'r un peth y gallai'r ysgol ei wneud yn well?",
    ),
  ],
};

export const libraryQuestion = (audience: Audience, code: string) =>
  QUESTION_LIBRARY[audience].find((q) => q.code === code) ?? null;
