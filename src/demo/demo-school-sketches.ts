import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { searchKey } from '../lib/search-text.ts';
import { academicYearOf } from '../reference/reference-data.ts';
import { insertDemo } from './demo-cycle-repository.ts';
import { SCHOOLS as S } from './demo-collaboratives.ts';

type Sketch = {
  lang: 'en' | 'cy';
  priorities: [title: string, theme: string, national: string[]][];
  evidence: [title: string, source: string, theme: string][];
  finding: [kind: string, title: string, theme: string];
};

/** This year's cycle of the demo's other schools, in outline: what their collaboratives' common ground is made of. */
const SKETCHES: Record<string, Sketch> = {
  [S.penYGroes]: {
    lang: 'cy',
    priorities: [
      ['Ysgrifennu estynedig yn Gymraeg ym Mlynyddoedd 4 i 6', 'curriculum_teaching', ['literacy']],
      ['Presenoldeb dysgwyr eFSM', 'wellbeing_equity', ['attendance']],
    ],
    evidence: [
      ['Samplau ysgrifennu Blwyddyn 5', 'learners_work', 'curriculum_teaching'],
      ['Taith ddysgu: llafaredd yn y Cyfnod Sylfaen', 'learning_walk', 'curriculum_teaching'],
    ],
    finding: ['area_for_development', 'Mae cywirdeb iaith yn gostwng mewn darnau hirach', 'curriculum_teaching'],
  },
  [S.yWern]: {
    lang: 'cy',
    priorities: [['Rhesymu rhifiadol ym Mlynyddoedd 3 a 4', 'curriculum_teaching', ['numeracy']]],
    evidence: [['Gwrando ar ddysgwyr: datrys problemau', 'listening_to_learners', 'curriculum_teaching']],
    finding: ['strength', 'Mae dysgwyr yn mwynhau datrys problemau mewn grwpiau', 'curriculum_teaching'],
  },
  [S.broEdern]: {
    lang: 'cy',
    priorities: [
      ['Pontio Blwyddyn 6 i 7: ysgrifennu estynedig', 'curriculum_teaching', ['literacy']],
      ['Lleihau absenoldeb parhaus ym Mlwyddyn 9', 'wellbeing_equity', ['attendance', 'wellbeing']],
    ],
    evidence: [
      ['Data presenoldeb Blwyddyn 9: hanner tymor yr hydref', 'aggregate_data', 'wellbeing_equity'],
      ['Deialog staff: disgwyliadau ysgrifennu Blwyddyn 7', 'staff_dialogue', 'curriculum_teaching'],
    ],
    finding: [
      'area_for_development',
      'Mae absenoldeb parhaus ym Mlwyddyn 9 yn uwch na gweddill yr ysgol',
      'wellbeing_equity',
    ],
  },
  [S.plasmawr]: {
    lang: 'cy',
    priorities: [["Defnydd anffurfiol o'r Gymraeg gan ddysgwyr CA3", 'vision_leadership', []]],
    evidence: [['Arolwg iaith dysgwyr Blwyddyn 8', 'survey', 'vision_leadership']],
    finding: ['area_for_development', "Ychydig o ddysgwyr sy'n siarad Cymraeg y tu allan i wersi", 'vision_leadership'],
  },
  [S.glantaf]: {
    lang: 'cy',
    priorities: [
      ["Defnydd anffurfiol o'r Gymraeg ym Mlynyddoedd 7 i 9", 'vision_leadership', []],
      ['Llythrennedd ar draws y cwricwlwm', 'curriculum_teaching', ['literacy']],
    ],
    evidence: [['Gwrando ar ddysgwyr: iaith y buarth', 'listening_to_learners', 'vision_leadership']],
    finding: ['area_for_development', "Mae dysgwyr yn troi i'r Saesneg yn gymdeithasol", 'vision_leadership'],
  },
  [S.brynTawe]: {
    lang: 'cy',
    priorities: [['Rhifedd ar draws y cwricwlwm yng Nghyfnod Allweddol 3', 'curriculum_teaching', ['numeracy']]],
    evidence: [
      ['Taith ddysgu: rhifedd mewn gwyddoniaeth', 'learning_walk', 'curriculum_teaching'],
      ['Samplau gwaith: graffiau Blwyddyn 8', 'learners_work', 'curriculum_teaching'],
    ],
    finding: [
      'area_for_development',
      "Nid yw sgiliau rhifedd yn trosglwyddo'n gyson i bynciau eraill",
      'curriculum_teaching',
    ],
  },
  [S.llangynwyd]: {
    lang: 'cy',
    priorities: [['Llesiant dysgwyr Blwyddyn 7 wrth bontio', 'wellbeing_equity', ['wellbeing']]],
    evidence: [['Arolwg llesiant Blwyddyn 7', 'survey', 'wellbeing_equity']],
    finding: ['strength', "Mae dysgwyr Blwyddyn 7 yn teimlo'n ddiogel", 'wellbeing_equity'],
  },
  [S.garthOlwg]: {
    lang: 'cy',
    priorities: [['Presenoldeb Blynyddoedd 10 ac 11', 'wellbeing_equity', ['attendance']]],
    evidence: [['Data presenoldeb CA4', 'aggregate_data', 'wellbeing_equity']],
    finding: ['area_for_development', 'Mae presenoldeb Blwyddyn 10 wedi gostwng', 'wellbeing_equity'],
  },
  [S.pontarddulaisPrimary]: {
    lang: 'en',
    priorities: [
      ['Reading fluency in Years 3 and 4', 'curriculum_teaching', ['literacy']],
      ['Attendance of learners eligible for free school meals', 'wellbeing_equity', ['attendance']],
    ],
    evidence: [['Reading age data: autumn', 'aggregate_data', 'curriculum_teaching']],
    finding: ['area_for_development', 'Reading fluency dips in Year 3', 'curriculum_teaching'],
  },
  [S.bryniago]: {
    lang: 'cy',
    priorities: [['Darllen yn Gymraeg gartref', 'curriculum_teaching', ['literacy']]],
    evidence: [['Holiadur rhieni: darllen gartref', 'parent_voice', 'curriculum_teaching']],
    finding: ['area_for_development', "Ychydig o deuluoedd sy'n darllen yn Gymraeg gartref", 'curriculum_teaching'],
  },
  [S.pontarddulaisComp]: {
    lang: 'en',
    priorities: [['Transition from Year 6 to Year 7: reading', 'curriculum_teaching', ['literacy']]],
    evidence: [['Year 7 reading tests: September', 'aggregate_data', 'curriculum_teaching']],
    finding: ['area_for_development', 'A third of Year 7 read below their chronological age', 'curriculum_teaching'],
  },
  [S.pontlliw]: {
    lang: 'en',
    priorities: [['Outdoor learning across the curriculum', 'curriculum_teaching', ['wellbeing']]],
    evidence: [['Learning walk: outdoor learning', 'learning_walk', 'curriculum_teaching']],
    finding: ['strength', 'Outdoor learning is well planned in the Foundation Phase', 'curriculum_teaching'],
  },
  [S.lakeside]: {
    lang: 'en',
    priorities: [
      ['Mathematical reasoning in Years 5 and 6', 'curriculum_teaching', ['numeracy']],
      ['Persistent absence', 'wellbeing_equity', ['attendance']],
    ],
    evidence: [
      ['Book look: reasoning in maths', 'learners_work', 'curriculum_teaching'],
      ['Attendance data: autumn half-term', 'aggregate_data', 'wellbeing_equity'],
    ],
    finding: ['area_for_development', 'Learners rarely explain their reasoning in writing', 'curriculum_teaching'],
  },
  [S.llanedeyrn]: {
    lang: 'en',
    priorities: [
      ['Persistent absence in Years 1 to 3', 'wellbeing_equity', ['attendance']],
      ['Oracy across the school', 'curriculum_teaching', ['literacy']],
    ],
    evidence: [['Family learning sessions: attendance', 'aggregate_data', 'wellbeing_equity']],
    finding: ['area_for_development', 'Persistent absence is highest in Year 1', 'wellbeing_equity'],
  },
  [S.springwood]: {
    lang: 'en',
    priorities: [['Mathematical reasoning', 'curriculum_teaching', ['numeracy']]],
    evidence: [['Pupil voice: maths lessons', 'listening_to_learners', 'curriculum_teaching']],
    finding: ['strength', 'Learners enjoy practical maths', 'curriculum_teaching'],
  },
  [S.glyncoed]: {
    lang: 'en',
    priorities: [
      ['Digital competence in Years 4 to 6', 'curriculum_teaching', []],
      ['Persistent absence', 'wellbeing_equity', ['attendance']],
    ],
    evidence: [['Learning walk: digital competence', 'learning_walk', 'curriculum_teaching']],
    finding: ['area_for_development', 'Digital skills are taught but rarely applied', 'curriculum_teaching'],
  },
};

export type SketchIds = { cycleId: string; priorityIds: string[]; evidenceIds: string[]; findingId: string };

/** Loads the sketches; each school shares its priorities and first evidence with the given collaboratives. */
export async function loadSchoolSketches(
  db: Db,
  shareWith: (school: string) => string[],
  sharedBy: (school: string) => string | null,
  now: Date,
) {
  const year = academicYearOf(now);
  const sketches = new Map<string, SketchIds>();
  for (const [school, sketch] of Object.entries(SKETCHES)) {
    const cycleId = randomUUID();
    const author = sharedBy(school);
    await insertDemo.cycle(db, {
      id: cycleId,
      schoolNumber: school,
      academicYear: year,
      stage: 'gathering_evidence',
      language: sketch.lang,
      createdBy: author,
    });
    const evidence = sketch.evidence.map(([title, source, theme], i) => ({
      id: randomUUID(),
      schoolNumber: school,
      cycleId,
      title,
      source,
      nifThemes: [theme],
      observedOn: new Date(now.getTime() - (50 - i * 9) * 86_400_000).toISOString().slice(0, 10),
      firstHand: source !== 'aggregate_data' && source !== 'survey',
      language: sketch.lang,
      curated: true,
      createdBy: author,
      body: '',
      searchText: searchKey(title),
    }));
    await insertDemo.evidence(db, evidence);
    const [kind, title, theme] = sketch.finding;
    const findingId = randomUUID();
    await insertDemo.findings(db, [
      {
        id: findingId,
        schoolNumber: school,
        cycleId,
        kind,
        title,
        body: '',
        nifTheme: theme,
        language: sketch.lang,
        createdBy: author,
      },
    ]);
    const priorities = sketch.priorities.map(([title, nifTheme, nationalPriorities]) => ({
      id: randomUUID(),
      schoolNumber: school,
      cycleId,
      title,
      nifTheme,
      nationalPriorities,
      state: 'agreed',
      language: sketch.lang,
      createdBy: author,
    }));
    await insertDemo.priorities(db, priorities);
    const shares = shareWith(school).flatMap((audienceId) => [
      ...priorities.map((p) => ({
        itemType: 'priority',
        itemId: p.id,
        schoolNumber: school,
        audience: 'collaborative',
        audienceId,
        sharedBy: author,
      })),
      {
        itemType: 'evidence',
        itemId: evidence[0]!.id,
        schoolNumber: school,
        audience: 'collaborative',
        audienceId,
        sharedBy: author,
      },
    ]);
    if (shares.length) await insertDemo.shares(db, shares);
    sketches.set(school, {
      cycleId,
      priorityIds: priorities.map((p) => p.id),
      evidenceIds: evidence.map((e) => e.id),
      findingId,
    });
  }
  return sketches;
}
