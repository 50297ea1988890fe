/** Each recipient reviews the minutes and confirms they received and reviewed the latest version. */
import { latest } from '../../domain/minutes';
import { Refused } from '../../domain/refusals';
import { Actor } from '../actor';
import { minutesOf } from './load';
import { MinutesPorts } from './ports';
import { MinutesView } from './views';

/** A recipient's own view of one version of the minutes. */
export async function review(p: MinutesPorts, actor: Actor, reference: string, version: number, options: { error?: string } = {}): Promise<MinutesView> {
  const d = await p.access.load(actor, reference);
  const m = await minutesOf(p, d);
  const v = m.versions.find((x) => x.version === version);
  const me = actor.person.aadObjectId;
  if (!v || !v.recipients.includes(me)) throw new Refused('not-recipient', `Only the people the minutes of ${reference} were sent to can review them.`);
  const confirmation = await p.minutes.confirmation(reference, version, me);
  return { kind: 'minutes.review', discussion: d, minutes: m, version, person: me, confirmation, error: options.error };
}

export async function confirm(p: MinutesPorts, actor: Actor, reference: string, version: number): Promise<MinutesView> {
  const d = await p.access.load(actor, reference);
  const m = await minutesOf(p, d);
  const me = actor.person.aadObjectId;
  const v = latest(m);
  if (!v?.recipients.includes(me)) throw new Refused('not-recipient', `Only the people the minutes of ${reference} were sent to confirm them.`);
  if (version !== v.version)
    throw new Refused(
      'old-version',
      `These are version ${version} of the minutes of ${reference}; version ${v.version} has replaced them. Please review that one.`,
    );
  if (await p.minutes.confirm(reference, { version, aadObjectId: me, at: p.now().toISOString() })) {
    await p.access.note(actor, reference, 'minutes.confirmed', `version ${version}`);
  }
  return review(p, actor, reference, version);
}
