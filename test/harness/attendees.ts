/** The sample partnership with as many more attendees as a test or a bench needs: "Attendee 1"…, hospital nurses. */
import { readFileSync } from 'node:fs';
import { checkDirectory } from '../../src/directoryFile';
import { Directory } from '../../src/domain/directory';
import { SAMPLE_DIRECTORY } from './world';

/** The sample partnership file's data with `extra` more people (`file`: the sample, from the working directory unless named). */
export function sampleWithAttendees(extra: number, file = SAMPLE_DIRECTORY): { people: object[] } {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { people: object[] };
  for (let i = 1; i <= extra; i++) {
    data.people.push({
      aadObjectId: `eeeeeeee-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Attendee ${i}`,
      email: `a${i}@westmoor.example`,
      agency: 'wm-hospital',
      jobTitle: 'Nurse',
      roles: [],
    });
  }
  return data;
}

export const directoryWithAttendees = (extra: number): Directory => new Directory(checkDirectory(sampleWithAttendees(extra)));

/** The names of the first `n` extra attendees. */
export const attendeeNames = (n: number): string[] => Array.from({ length: n }, (_, i) => `Attendee ${i + 1}`);
