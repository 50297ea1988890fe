/**
 * A partnership's escalation ladder for Resolving Professional Differences: as many stages as its
 * protocol has, each with who takes part and its deadline in working days. Three stages or five
 * are a matter of configuration, not code.
 */

/** Who takes part at a stage, lowest first: each side's own people, or the partnership, which decides. */
export const STAGE_PARTICIPANTS = ['practitioners', 'line-managers', 'senior-managers', 'partnership'] as const;
export type StageParticipants = (typeof STAGE_PARTICIPANTS)[number];

/** A stage as the partnership configures it. */
export interface StageConfig {
  name: string;
  workingDays: number;
  participants: StageParticipants;
}

/** A stage of the ladder, numbered from 1. */
export interface StageSpec extends StageConfig {
  stage: number;
}

export type Ladder = StageSpec[];

/** The London-style protocol most partnerships use: four stages of 2, 5, 5 and 10 working days. */
export const DEFAULT_STAGES: StageConfig[] = [
  { name: 'The practitioners', workingDays: 2, participants: 'practitioners' },
  { name: 'Line managers and safeguarding leads', workingDays: 5, participants: 'line-managers' },
  { name: 'Senior managers, heads of service and designated professionals', workingDays: 5, participants: 'senior-managers' },
  { name: 'The safeguarding partnership', workingDays: 10, participants: 'partnership' },
];

export function ladderFrom(stages: StageConfig[]): Ladder {
  return stages.map((s, i) => ({ ...s, stage: i + 1 }));
}

/**
 * What makes a ladder unusable: only the partnership records a final outcome, so it is the last
 * stage, and the only one (the two sides agree a resolution at every other stage).
 */
export function ladderProblems(stages: StageConfig[]): string[] {
  const partnership = stages.flatMap((s, i) => (s.participants === 'partnership' ? [i + 1] : []));
  if (partnership.length === 1 && partnership[0] === stages.length) return [];
  return [
    `partnership.escalation.stages: the last stage, and only the last, must have "participants": "partnership" (it records the final outcome); found it at ${partnership.length ? `stage ${partnership.join(', ')}` : 'no stage'}`,
  ];
}

export function stageOf(ladder: Ladder, stage: number): StageSpec {
  return ladder[Math.min(stage, ladder.length) - 1];
}

/** Immediate risk cannot wait for practitioners and line managers: the first stage of senior managers or above. */
export function immediateRiskStage(ladder: Ladder): number {
  const senior = STAGE_PARTICIPANTS.indexOf('senior-managers');
  return ladder.find((s) => STAGE_PARTICIPANTS.indexOf(s.participants) >= senior)!.stage;
}

/** At the practitioners' stages a side escalates; above them, a manager approves the escalation (and is chased when silent). */
export function managersDecide(spec: StageSpec): boolean {
  return spec.participants !== 'practitioners';
}
