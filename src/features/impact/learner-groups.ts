import { LEARNER_GROUPS } from '../../reference/reference-data.ts';

export type LearnerGroup = (typeof LEARNER_GROUPS)[number];

/**
 * How each group tends to be written in a priority's "for which learners" text, in English and
 * Welsh, besides its code. A priority names its learners in words ("eFSM learners in Years 3-6",
 * "dysgwyr ag ADY"); these patterns find the groups those words mean.
 */
const MENTIONS: Record<LearnerGroup, RegExp> = {
  all_learners: /\ball (?:the )?learners\b|\ball pupils\b|\bpob dysgwr\b|\bpob disgybl\b|\bholl ddysgwyr\b/i,
  efsm: /\be?fsm\b|free school meals|\bpydd\b|prydau ysgol am ddim|disadvantaged|difreintiedig|dan anfantais/i,
  aln: /\baln\b|\bsen\b|additional learning needs?|\bady\b|anghenion dysgu ychwanegol/i,
  care_experienced:
    /care[- ]experienced|looked[- ]after|\blac\b|profiad o fod mewn gofal|wedi bod mewn gofal|derbyn gofal/i,
  eal: /\beal\b|english as an additional language|saesneg fel iaith ychwanegol|\bsiy\b/i,
  more_able: /more[- ]able|able and talented|mwy abl|galluog a thalentog/i,
  boys: /\bboys\b|\bbechgyn\b/i,
  girls: /\bgirls\b|\bmerched\b/i,
  persistent_absence: /persistent(?:ly)?[- ]absen|absennol yn barhaus|absenoldeb parhaus/i,
  welsh_background: /welsh[- ]speaking (?:homes|families|backgrounds?)|cartrefi cymraeg|cartrefi lle siaredir cymraeg/i,
  young_carers: /young carers?|gofalwyr ifanc/i,
  minority_ethnic: /minority ethnic|ethnic minorit|lleiafrifoedd ethnig|lleiafrif ethnig/i,
};

const inOrder = (groups: Set<string>) => LEARNER_GROUPS.filter((g) => groups.has(g));

/** The learner groups a piece of text names, by code ("persistent_absence") or in words. */
export function learnerGroupsIn(text: string): LearnerGroup[] {
  const found = new Set<string>();
  for (const group of LEARNER_GROUPS) {
    if (MENTIONS[group].test(text) || new RegExp(`\\b${group}\\b`, 'i').test(text)) found.add(group);
  }
  return inOrder(found);
}

export type ImpactSignals = {
  /** The "for which learners" text of each priority under review. */
  priorityLearners: string[];
  /** The learner-group tags of each evidence item of the cycle. */
  evidenceTags: string[][];
  /** The group of every figure in every impact review. */
  figureGroups: string[];
  /** The learner-group tags of each evidence item linked to an impact review. */
  reviewEvidenceTags: string[][];
};

/**
 * "No group of learners left behind": the groups the school's priorities or evidence name that
 * no impact review has figures or evidence for yet, in the reference order.
 */
export function groupsWithoutImpactEvidence(signals: ImpactSignals): LearnerGroup[] {
  const named = new Set<string>([...signals.priorityLearners.flatMap(learnerGroupsIn), ...signals.evidenceTags.flat()]);
  const covered = new Set<string>([...signals.figureGroups, ...signals.reviewEvidenceTags.flat()]);
  return inOrder(new Set([...named].filter((g) => !covered.has(g))));
}
