/** An attendee's answer to an outcome: agreement, agreement with a note, or a different understanding. */
import { Acknowledgement, ANSWERS, attendees, currentVersion, StrategyDiscussion } from './strategyDiscussion';
import { Invalid, Refused } from './refusals';
import { isChoice } from './choices';
import { FIELDS, tooLong } from './limits';

export function acknowledge(d: StrategyDiscussion, actor: string, version: number, answer: string, note: string, now: Date): Acknowledgement {
  const current = currentVersion(d);
  if (!current) throw new Refused('no-outcome', `No outcome has been recorded for ${d.reference} yet.`);
  if (!attendees(d).includes(actor)) {
    throw new Refused(
      'not-attendee',
      `Only the people who attended ${d.reference} acknowledge its outcome, and you are not recorded as attending. If that is wrong, ask the chair to correct the attendance.`,
    );
  }
  if (version !== current.version) {
    throw new Refused(
      'old-version',
      `This card shows version ${version} of the outcome of ${d.reference}, which the chair has replaced with version ${current.version}. Please answer the latest version, sent to you in this chat.`,
    );
  }
  if (!isChoice(ANSWERS, answer)) throw new Invalid(['Choose one of the answers.']);
  const text = note.trim();
  const long = tooLong(FIELDS.acknowledgementNote, text, 'Your note');
  if (long) throw new Invalid([long]);
  if (answer === 'agree-with-note' && !text) throw new Invalid(['Write your note before choosing “I agree, with a note”.']);
  if (answer === 'different' && !text) throw new Invalid(['Write what you understood the outcome to be before choosing “My understanding is different”.']);
  return { version, aadObjectId: actor, answer, note: text || undefined, at: now.toISOString() };
}
