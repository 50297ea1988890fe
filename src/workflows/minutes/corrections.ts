/**
 * Corrections: a recipient asks for one; the chair accepts it (a new version, circulated again) or
 * declines it with a reason, and a declined correction stays on the record as that agency's dissent.
 */
import { circulate, decideCorrection, latest, Minutes, requestCorrection } from '../../domain/minutes';
import { Invalid } from '../../domain/refusals';
import { StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { sendLatest } from './circulation';
import { review } from './confirmation';
import { minutesOf } from './load';
import { MinutesPorts } from './ports';
import { MinutesView } from './views';

export async function askForCorrection(
  p: MinutesPorts,
  actor: Actor,
  reference: string,
  version: number,
  wrong: string,
  shouldSay: string,
): Promise<MinutesView> {
  const d = await p.access.load(actor, reference);
  const m = await minutesOf(p, d);
  let next: Minutes;
  try {
    next = requestCorrection(m, d, actor.person.aadObjectId, version, wrong, shouldSay, p.now());
  } catch (e) {
    if (e instanceof Invalid) return review(p, actor, reference, version, { error: e.problems.join(' ') });
    throw e;
  }
  // A row of its own, numbered once it exists: thirty people asking at once are all kept, and a
  // second click records nothing more.
  const asked = next === m ? undefined : next.corrections[next.corrections.length - 1];
  const added = asked && (await p.minutes.addCorrection(reference, asked));
  if (added) {
    await p.access.note(actor, reference, 'minutes.correction-requested', added.id);
    await p.tell.tell([
      {
        kind: 'minutes.correction-asked',
        key: `${reference}|minutes|correction|${added.id}`,
        about: reference,
        to: { person: d.chair },
        discussion: d,
        correction: added,
      },
    ]);
  }
  return review(p, actor, reference, version);
}

export async function decide(p: MinutesPorts, actor: Actor, reference: string, id: string, accept: boolean, reason: string): Promise<MinutesView> {
  const d = await p.access.load(actor, reference);
  const m = await minutesOf(p, d);
  let decided;
  try {
    decided = decideCorrection(m, d, actor.person.aadObjectId, id, accept, reason, p.now());
  } catch (e) {
    if (e instanceof Invalid)
      return { kind: 'minutes.correction', discussion: d, correction: m.corrections.find((x) => x.id === id)!, error: e.problems.join(' ') };
    throw e;
  }
  // Whether this click decided it: the decision is a row created once, so of two clicks one decides.
  const c = decided.correction;
  const decidedNow = decided.minutes !== m && (await p.minutes.decideCorrection(reference, id, { state: c.state as 'accepted' | 'declined', ...c.decision! }));
  if (decidedNow) await p.access.note(actor, reference, c.state === 'accepted' ? 'minutes.correction-accepted' : 'minutes.correction-declined', id);
  let minutes = (await p.minutes.get(reference))!;
  const correction = minutes.corrections.find((x) => x.id === id)!;
  // An accepted correction is applied by a new version, even if a crash came between the two.
  if (correction.state === 'accepted' && (await applyCorrection(p, d, minutes, actor, id))) {
    minutes = (await p.minutes.get(reference))!;
    await sendLatest(p, d, minutes);
  }
  if (decidedNow && correction.state === 'declined') {
    await p.tell.tell(
      latest(minutes)!.recipients.map((who) => ({
        ...(who === correction.by ? { kind: 'minutes.correction-declined' as const } : { kind: 'minutes.dissent-added' as const }),
        key: `${reference}|minutes|dissent|${id}|${who}`,
        about: reference,
        to: { person: who },
        correction,
      })),
    );
  }
  return { kind: 'minutes.correction', discussion: d, correction };
}

/**
 * Circulates a new version applying an accepted correction, unless one already does. Two
 * corrections accepted at once each get their own version, the later applying both.
 */
async function applyCorrection(p: MinutesPorts, d: StrategyDiscussion, m: Minutes, actor: Actor, id: string): Promise<boolean> {
  for (let cur = m; ; cur = (await p.minutes.get(d.reference))!) {
    if (cur.versions.some((v) => v.content.corrections?.some((c) => c.id === id))) return false;
    const c = cur.corrections.find((x) => x.id === id)!;
    const v = latest(cur)!;
    const content = { ...v.content, corrections: [...(v.content.corrections ?? []), { id, wrong: c.wrong, shouldSay: c.shouldSay }] };
    const next = latest(circulate(cur, d, actor.person.aadObjectId, content, p.now(), `Correction ${id} accepted`))!;
    if (await p.minutes.addVersion(d.reference, next, { applies: id })) return true;
  }
}
