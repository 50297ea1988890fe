/** Drafting the minutes: the minute-taker (or the chair) opens and saves a draft that survives closing Teams. */
import { draftProblems, MinutesContent } from '../../domain/minutes';
import { DraftForm } from './forms';
import { Actor } from '../actor';
import { outcomeStanding, writable } from './load';
import { MinutesPorts } from './ports';
import { MinutesView } from './views';

export async function draftForm(p: MinutesPorts, actor: Actor, reference: string): Promise<MinutesView> {
  const { d, m } = await writable(p, actor, reference);
  return { kind: 'minutes.draft', discussion: d, minutes: m, standing: await outcomeStanding(p, d) };
}

export async function saveDraft(p: MinutesPorts, actor: Actor, reference: string, form: DraftForm): Promise<MinutesView> {
  const { d, m: before } = await writable(p, actor, reference);
  const tooLong = draftProblems(form);
  if (tooLong.length) return { kind: 'minutes.draft', discussion: d, minutes: before, standing: await outcomeStanding(p, d), values: form, errors: tooLong };
  const now = p.now();
  await p.minutes.saveDraft(reference, {
    agencyInformation: form.agencyInformation ?? '',
    analysis: form.analysis ?? '',
    decision: (form.decision ?? '') as MinutesContent['decision'],
    rationale: form.rationale ?? '',
    actions: form.actions ?? '',
    familyTold: form.familyTold ?? '',
    link: form.link || undefined,
    savedAt: now.toISOString(),
    savedBy: actor.person.aadObjectId,
  });
  const m = (await p.minutes.get(reference))!;
  await p.access.note(actor, reference, 'minutes.draft-saved');
  return {
    kind: 'minutes.draft',
    discussion: d,
    minutes: m,
    standing: await outcomeStanding(p, d),
    saved: `Draft saved ${p.calendar.describe(now)}. It is kept if you close Teams.`,
  };
}
