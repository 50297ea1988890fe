/**
 * Circulating the minutes: refused while they contradict the acknowledged outcome (the chair is
 * told), then sent to every recipient, each asked to confirm, with their confirmation chasers set.
 */
import { checkContent, circulate as circulateMinutes, contradiction, dueHours, latest, lateness, Minutes, MinutesContent } from '../../domain/minutes';
import { DraftForm } from './forms';
import { Invalid, Refused } from '../../domain/refusals';
import { StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { AnyJob } from '../jobs';
import { outcomeStanding, writable } from './load';
import { MinutesPorts } from './ports';
import { MinutesView, said } from './views';
import { draftCardKeys, reviewCardKeys } from './notices';

export async function circulate(p: MinutesPorts, actor: Actor, reference: string, form: DraftForm): Promise<MinutesView> {
  const { d, m } = await writable(p, actor, reference);
  if (latest(m)) return said(`The minutes of ${reference} have already been circulated; changes go through corrections.`);
  let content: MinutesContent;
  try {
    content = checkContent(form);
  } catch (e) {
    if (e instanceof Invalid)
      return { kind: 'minutes.draft', discussion: d, minutes: m, standing: await outcomeStanding(p, d), values: form, errors: e.problems };
    throw e;
  }
  const problem = contradiction(d, content);
  if (problem) {
    await p.access.note(actor, reference, 'minutes.contradiction', `minutes say ${content.decision}`);
    await p.tell.tell([
      {
        kind: 'minutes.contradiction',
        key: `${reference}|minutes|contradiction|${content.decision}`,
        about: reference,
        to: { person: d.chair },
        decision: content.decision,
      },
    ]);
    return { kind: 'minutes.draft', discussion: d, minutes: m, standing: await outcomeStanding(p, d), values: form, errors: [problem] };
  }
  const updated = circulateMinutes(m, d, actor.person.aadObjectId, content, p.now());
  const v = latest(updated)!;
  if (!(await p.minutes.addVersion(reference, v, { lateByMinutes: updated.lateByMinutes }))) {
    throw new Refused('old-version', `The minutes of ${reference} were circulated a moment ago by someone else.`);
  }
  const late = updated.lateByMinutes ? `late by ${lateness(updated.lateByMinutes)}` : undefined;
  await p.access.note(actor, reference, 'minutes.circulated', `version 1 to ${v.recipients.length} people, ${late ?? 'on time'}`);
  await sendLatest(p, d, updated);
  // The cards asking for the minutes say they are circulated, with nothing left to click.
  await Promise.all(
    draftCardKeys(reference, p.directory.partnership.timescales.minutesReminderHours).map((key) =>
      p.tell.replace({ kind: 'minutes.superseded', key, about: reference, to: { person: d.minuteTaker }, minutes: updated, version: 0 }),
    ),
  );
  return said(
    `${reference}: the minutes were circulated to ${v.recipients.length} people, ${late ?? `within ${dueHours(updated)} hours`}. Each is asked to confirm they received and reviewed them; anyone who cannot be reached will be reported to you.`,
  );
}

/** Sends the latest version to every recipient and sets their confirmation chasers. */
export async function sendLatest(p: MinutesPorts, d: StrategyDiscussion, m: Minutes): Promise<void> {
  const v = latest(m)!;
  const t = p.directory.partnership.timescales;
  const at = new Date(v.circulatedAt);
  // A few round trips whatever the number of recipients: this runs inside a card action, and Teams waits about 5 s.
  await p.jobs.scheduleAll(
    v.recipients.flatMap((person): AnyJob[] => {
      const payload = { ref: d.reference, version: v.version, person };
      return [
        {
          id: `minutes|${d.reference}|v${v.version}|confirm-remind|${person}`,
          kind: 'minutes.confirm.remind',
          dueAt: p.calendar.addWorkingDays(at, t.minutesConfirmReminderWorkingDays),
          payload,
        },
        {
          id: `minutes|${d.reference}|v${v.version}|confirm-manager|${person}`,
          kind: 'minutes.confirm.manager',
          dueAt: p.calendar.addWorkingDays(at, t.minutesConfirmManagerWorkingDays),
          payload,
        },
      ];
    }),
  );
  await p.tell.tell(
    v.recipients.map((person) => ({
      kind: 'minutes.review' as const,
      key: reviewCardKeys(d.reference, v.version, person)[0],
      about: d.reference,
      to: { person },
      reportTo: [d.chair, d.minuteTaker],
      discussion: d,
      minutes: m,
      version: v.version,
      reminder: false,
    })),
  );
  // One live card per version: every card of the versions before points to this one, with nothing to click.
  await Promise.all(
    m.versions
      .filter((earlier) => earlier.version < v.version)
      .flatMap((earlier) =>
        earlier.recipients.flatMap((person) =>
          reviewCardKeys(d.reference, earlier.version, person).map((key) =>
            p.tell.replace({ kind: 'minutes.superseded', key, about: d.reference, to: { person }, minutes: m, version: earlier.version }),
          ),
        ),
      ),
  );
}
