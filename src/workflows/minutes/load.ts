/** Reading the minutes of a case: refused until the clock started, and written only by the minute-taker or the chair. */
import { mayWrite, Minutes } from '../../domain/minutes';
import { Refused } from '../../domain/refusals';
import { status, Status, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { MinutesPorts } from './ports';

export async function minutesOf(p: MinutesPorts, d: StrategyDiscussion): Promise<Minutes> {
  const m = await p.minutes.get(d.reference);
  if (!m) throw new Refused('no-outcome', `The minutes clock for ${d.reference} has not started: the chair marks the discussion as ended first.`);
  return m;
}

/** Where the outcome stands for the minutes: the minutes of a disputed outcome say so, never "acknowledged". */
export async function outcomeStanding(p: MinutesPorts, d: StrategyDiscussion): Promise<Status> {
  return status(d, await p.discussions.acknowledgements(d.reference));
}

export async function writable(p: MinutesPorts, actor: Actor, reference: string): Promise<{ d: StrategyDiscussion; m: Minutes }> {
  const d = await p.access.load(actor, reference);
  if (!mayWrite(d, actor.person.aadObjectId)) throw new Refused('not-minute-writer', `Only the minute-taker or the chair of ${reference} writes its minutes.`);
  return { d, m: await minutesOf(p, d) };
}
