/**
 * The sample partnership with other escalation ladders, read through the same check as a
 * partnership's own file: three stages (practitioners, line managers, the partnership) and five
 * (an informal and a written practitioners' stage, line managers, senior managers, the partnership).
 */
import { readFileSync } from 'node:fs';
import { checkDirectory } from '../../src/directoryFile';
import { Directory } from '../../src/domain/directory';
import type { StageConfig } from '../../src/domain/escalationLadder';

export const LADDERS: Record<string, StageConfig[] | undefined> = {
  'the sample’s four stages': undefined,
  'three stages': [
    { name: 'The practitioners', workingDays: 2, participants: 'practitioners' },
    { name: 'Line managers', workingDays: 3, participants: 'line-managers' },
    { name: 'The safeguarding partnership', workingDays: 10, participants: 'partnership' },
  ],
  'five stages': [
    { name: 'An informal conversation', workingDays: 1, participants: 'practitioners' },
    { name: 'In writing, between the practitioners', workingDays: 2, participants: 'practitioners' },
    { name: 'Line managers', workingDays: 3, participants: 'line-managers' },
    { name: 'Senior managers', workingDays: 5, participants: 'senior-managers' },
    { name: 'The safeguarding partnership', workingDays: 10, participants: 'partnership' },
  ],
};

/** The sample partnership file with this ladder (the sample's own when none). */
export function partnershipWithLadder(stages?: StageConfig[]): Directory {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  if (stages) data.partnership.escalation.stages = stages;
  return new Directory(checkDirectory(data));
}
