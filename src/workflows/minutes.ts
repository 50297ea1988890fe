/**
 * Minutes within 24 hours: the clock starts when the chair marks the discussion ended; the
 * minute-taker drafts, the bot refuses to circulate minutes that contradict the acknowledged
 * outcome, every recipient confirms or asks for a correction, and the chair decides each one.
 */
import {
  checkContent, circulate, contradiction, decideCorrection, draftProblems, latest, mayWrite, Minutes, MinutesContent, requestCorrection, startClock,
} from '../domain/minutes';
import { DECISIONS, mustBeChair, StrategyDiscussion } from '../domain/strategyDiscussion';
import { Invalid, Refused } from '../domain/refusals';
import { lateness, MinutesCards } from '../cards/minutesCards';
import { DiscussionStore } from '../store/discussionStore';
import { MinutesStore } from '../store/minutesStore';
import { Delivery, Reply as CardReply } from './ports';
import { Actor } from './actor';
import { Workflow, WorkflowServices } from './workflow';

type Values = Record<string, string>;

export class MinutesWorkflow extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly store: MinutesStore,
    /** Scheduled jobs have no actor to check: they read the discussion directly. */
    private readonly discussions: DiscussionStore,
    private readonly cards: MinutesCards,
  ) {
    super(services);
  }

  private async minutesOf(d: StrategyDiscussion): Promise<Minutes> {
    const m = await this.store.get(d.reference);
    if (!m) throw new Refused('no-outcome', `The minutes clock for ${d.reference} has not started: the chair marks the discussion as ended first.`);
    return m;
  }

  // ---- The 24-hour clock ----

  async endDiscussion(actor: Actor, reference: string): Promise<CardReply> {
    const d = await this.access.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, 'mark the discussion as ended');
    const m = startClock(d, this.now());
    await this.discussions.update(reference, (cur) => (cur.endedAt ? cur : { ...cur, endedAt: m.endedAt }));
    if (!(await this.store.create(m))) {
      const existing = (await this.store.get(reference))!;
      return { message: `${reference} was already marked as ended; the minutes are due ${this.calendar.phrase(new Date(existing.dueAt), this.now())}.` };
    }
    await this.access.note(actor, reference, 'discussion.ended', `minutes due ${m.dueAt}`);
    const due = new Date(m.dueAt);
    for (const h of this.directory.partnership.timescales.minutesReminderHours) {
      await this.jobs.schedule({ id: `minutes|${reference}|remind|${h}h`, kind: 'minutes.remind', dueAt: this.calendar.addClockHours(new Date(m.endedAt), h), payload: { ref: reference, hours: h } });
    }
    await this.jobs.schedule({ id: `minutes|${reference}|overdue`, kind: 'minutes.overdue', dueAt: due, payload: { ref: reference } });
    if (d.minuteTaker === d.chair) {
      return { card: this.cards.draft(d, m, this.now()) };
    }
    await this.outbox.send({
      key: `${reference}|minutes|draft`,
      subject: reference,
      to: { person: d.minuteTaker },
      message: { summary: `${reference}: please write the minutes, due ${this.calendar.phrase(due, this.now())}`, card: this.cards.draft(d, m, this.now()) },
      reportTo: [d.chair],
    });
    return { message: `${reference}: the discussion is marked as ended. The minutes are due ${this.calendar.phrase(due, this.now())}; ${this.directory.person(d.minuteTaker)?.name} has been asked to write them.` };
  }

  async remindMinuteTaker(p: { ref: string; hours: number }, jobId: string): Promise<void> {
    const m = await this.store.get(p.ref);
    const d = m && !latest(m) ? await this.discussions.get(p.ref) : undefined;
    if (!m || !d) return;
    await this.outbox.send({
      key: `${jobId}|message`,
      subject: p.ref,
      to: { person: d.minuteTaker },
      message: { summary: `${p.ref}: reminder, the minutes are due ${this.calendar.phrase(new Date(m.dueAt), this.now())}`, card: this.cards.draft(d, m, this.now()) },
      reportTo: [d.chair],
    });
  }

  async minutesOverdue(p: { ref: string }, jobId: string): Promise<void> {
    const m = await this.store.get(p.ref);
    const d = m && !latest(m) ? await this.discussions.get(p.ref) : undefined;
    if (!m || !d) return;
    const taker = this.directory.person(d.minuteTaker);
    const manager = taker && this.directory.manager(taker);
    await this.audit.record({ subject: p.ref, action: 'minutes.overdue', actorAadObjectId: d.minuteTaker, detail: manager ? 'chair and manager told' : 'chair told; the minute-taker has no manager in the directory' });
    const tell = [...new Set([d.chair, manager?.aadObjectId].filter((x): x is string => !!x))];
    await this.outbox.sendAll(
      tell.map((who) => ({
        key: `${jobId}|${who}`,
        subject: p.ref,
        to: { person: who },
        message: { summary: `${p.ref}: the minutes were due 24 hours after the discussion ended and have not been circulated by ${taker?.name ?? 'the minute-taker'}. The record will show them as late.` },
      })),
    );
  }

  // ---- Drafting and circulating (minute-taker or chair) ----

  private async writable(actor: Actor, reference: string): Promise<{ d: StrategyDiscussion; m: Minutes }> {
    const d = await this.access.load(actor, reference);
    if (!mayWrite(d, actor.person.aadObjectId)) throw new Refused('not-minute-writer', `Only the minute-taker or the chair of ${reference} writes its minutes.`);
    return { d, m: await this.minutesOf(d) };
  }

  async draftForm(actor: Actor, reference: string): Promise<CardReply> {
    const { d, m } = await this.writable(actor, reference);
    return { card: this.cards.draft(d, m, this.now()) };
  }

  async saveDraft(actor: Actor, reference: string, form: Values): Promise<CardReply> {
    const { d, m: before } = await this.writable(actor, reference);
    const tooLong = draftProblems(form);
    if (tooLong.length) return { card: this.cards.draft(d, before, this.now(), { values: form, errors: tooLong }) };
    const draft = {
      agencyInformation: form.agencyInformation ?? '', analysis: form.analysis ?? '', decision: (form.decision ?? '') as MinutesContent['decision'],
      rationale: form.rationale ?? '', actions: form.actions ?? '', familyTold: form.familyTold ?? '', link: form.link || undefined,
      savedAt: this.now().toISOString(), savedBy: actor.person.aadObjectId,
    };
    await this.store.saveDraft(reference, draft);
    const m = (await this.store.get(reference))!;
    await this.access.note(actor, reference, 'minutes.draft-saved');
    return { card: this.cards.draft(d, m, this.now(), { saved: `Draft saved ${this.calendar.describe(this.now())}. It is kept if you close Teams.` }) };
  }

  async circulate(actor: Actor, reference: string, form: Values): Promise<CardReply> {
    const { d, m } = await this.writable(actor, reference);
    if (latest(m)) return { message: `The minutes of ${reference} have already been circulated; changes go through corrections.` };
    let content: MinutesContent;
    try {
      content = checkContent(form);
    } catch (e) {
      if (e instanceof Invalid) return { card: this.cards.draft(d, m, this.now(), { values: form, errors: e.problems }) };
      throw e;
    }
    const problem = contradiction(d, content);
    if (problem) {
      await this.access.note(actor, reference, 'minutes.contradiction', `minutes say ${content.decision}`);
      await this.outbox.send({
        key: `${reference}|minutes|contradiction|${content.decision}`,
        subject: reference,
        to: { person: d.chair },
        message: { summary: `${reference}: the draft minutes record a different decision (${DECISIONS[content.decision]}) from the acknowledged outcome. They cannot be circulated until the minutes are corrected or you amend the outcome.` },
      });
      return { card: this.cards.draft(d, m, this.now(), { values: form, errors: [problem] }) };
    }
    const updated = circulate(m, d, actor.person.aadObjectId, content, this.now());
    const v = latest(updated)!;
    if (!(await this.store.addVersion(reference, v, { lateByMinutes: updated.lateByMinutes }))) {
      throw new Refused('old-version', `The minutes of ${reference} were circulated a moment ago by someone else.`);
    }
    await this.access.note(actor, reference, 'minutes.circulated', `version 1 to ${v.recipients.length} people${updated.lateByMinutes ? `, late by ${lateness(updated.lateByMinutes)}` : ', on time'}`);
    await this.send(d, updated);
    const timing = updated.lateByMinutes ? `late by ${lateness(updated.lateByMinutes)}` : 'within 24 hours';
    return { message: `${reference}: the minutes were circulated to ${v.recipients.length} people, ${timing}. Each is asked to confirm they received and reviewed them; anyone who cannot be reached will be reported to you.` };
  }

  /** Sends the latest version to every recipient and sets their confirmation chasers. */
  private async send(d: StrategyDiscussion, m: Minutes): Promise<void> {
    const v = latest(m)!;
    const t = this.directory.partnership.timescales;
    const headline = v.version === 1 ? `${d.reference}: the minutes need your review` : `${d.reference}: the minutes were corrected (version ${v.version}) and need your review again`;
    const at = new Date(v.circulatedAt);
    // In parallel: this runs inside a card action, and Teams waits about 5 s.
    const deliveries: Delivery[] = await Promise.all(
      v.recipients.map(async (id) => {
        const payload = { ref: d.reference, version: v.version, person: id };
        const [address] = await Promise.all([
          this.conversations.person(id),
          this.jobs.schedule({ id: `minutes|${d.reference}|v${v.version}|confirm-remind|${id}`, kind: 'minutes.confirm.remind', dueAt: this.calendar.addWorkingDays(at, t.minutesConfirmReminderWorkingDays), payload }),
          this.jobs.schedule({ id: `minutes|${d.reference}|v${v.version}|confirm-manager|${id}`, kind: 'minutes.confirm.manager', dueAt: this.calendar.addWorkingDays(at, t.minutesConfirmManagerWorkingDays), payload }),
        ]);
        return {
          key: `${d.reference}|minutes|v${v.version}|${id}`,
          subject: d.reference,
          to: { person: id },
          message: { summary: headline, card: this.cards.review(d, m, v, { aadObjectId: id, userId: address?.userId }, undefined, { headline }) },
          reportTo: [d.chair, d.minuteTaker],
        };
      }),
    );
    await this.outbox.sendAll(deliveries);
  }

  // ---- Recipients ----

  async view(actor: Actor, reference: string, version: number, options: { error?: string } = {}): Promise<CardReply> {
    const d = await this.access.load(actor, reference);
    const m = await this.minutesOf(d);
    const v = m.versions.find((x) => x.version === version);
    const me = actor.person.aadObjectId;
    if (!v || !v.recipients.includes(me)) throw new Refused('not-recipient', `Only the people the minutes of ${reference} were sent to can review them.`);
    const confirmation = await this.store.confirmation(reference, version, me);
    return { card: this.cards.review(d, m, v, { aadObjectId: me, userId: actor.userId }, confirmation, options) };
  }

  async confirm(actor: Actor, reference: string, version: number): Promise<CardReply> {
    const d = await this.access.load(actor, reference);
    const m = await this.minutesOf(d);
    const me = actor.person.aadObjectId;
    const v = latest(m);
    if (!v?.recipients.includes(me)) throw new Refused('not-recipient', `Only the people the minutes of ${reference} were sent to confirm them.`);
    if (version !== v.version) throw new Refused('old-version', `These are version ${version} of the minutes of ${reference}; version ${v.version} has replaced them. Please review that one.`);
    if (await this.store.confirm(reference, { version, aadObjectId: me, at: this.now().toISOString() })) {
      await this.access.note(actor, reference, 'minutes.confirmed', `version ${version}`);
    }
    return this.view(actor, reference, version);
  }

  async askForCorrection(actor: Actor, reference: string, version: number, wrong: string, shouldSay: string): Promise<CardReply> {
    const d = await this.access.load(actor, reference);
    const m = await this.minutesOf(d);
    let next: Minutes;
    try {
      next = requestCorrection(m, d, actor.person.aadObjectId, version, wrong, shouldSay, this.now());
    } catch (e) {
      if (e instanceof Invalid) return this.view(actor, reference, version, { error: e.problems.join(' ') });
      throw e;
    }
    // A row of its own, numbered once it exists: thirty people asking at once are all kept, and a
    // second click records nothing more.
    const asked = next === m ? undefined : next.corrections[next.corrections.length - 1];
    const added = asked && (await this.store.addCorrection(reference, asked));
    if (added) {
      await this.access.note(actor, reference, 'minutes.correction-requested', added.id);
      await this.outbox.send({
        key: `${reference}|minutes|correction|${added.id}`,
        subject: reference,
        to: { person: d.chair },
        message: { summary: `${reference}: a correction to the minutes is asked for`, card: this.cards.correction(d, added) },
      });
    }
    return this.view(actor, reference, version);
  }

  async decide(actor: Actor, reference: string, id: string, accept: boolean, reason: string): Promise<CardReply> {
    const d = await this.access.load(actor, reference);
    const m = await this.minutesOf(d);
    let decided;
    try {
      decided = decideCorrection(m, d, actor.person.aadObjectId, id, accept, reason, this.now());
    } catch (e) {
      if (e instanceof Invalid) {
        const c = m.corrections.find((x) => x.id === id)!;
        return { card: this.cards.correction(d, c, e.problems.join(' ')) };
      }
      throw e;
    }
    // Whether this click decided it: the decision is a row created once, so of two clicks one decides.
    const c = decided.correction;
    const decidedNow = decided.minutes !== m && (await this.store.decideCorrection(reference, id, { state: c.state as 'accepted' | 'declined', ...c.decision! }));
    if (decidedNow) await this.access.note(actor, reference, c.state === 'accepted' ? 'minutes.correction-accepted' : 'minutes.correction-declined', id);
    let minutes = (await this.store.get(reference))!;
    const correction = minutes.corrections.find((x) => x.id === id)!;
    // An accepted correction is applied by a new version, even if a crash came between the two.
    const circulatedNow = correction.state === 'accepted' && (await this.applyCorrection(d, minutes, actor, id));
    if (circulatedNow) minutes = (await this.store.get(reference))!;
    if (circulatedNow) await this.send(d, minutes);
    if (decidedNow) {
      if (correction.state === 'declined') {
        const requester = this.directory.person(correction.by);
        await this.outbox.sendAll(
          latest(minutes)!.recipients.map((who) => ({
            key: `${reference}|minutes|dissent|${id}|${who}`,
            subject: reference,
            to: { person: who },
            message: {
              summary:
                who === correction.by
                  ? `${reference}: the chair declined your correction ${id}. It stays on the record as your agency's dissent; you can raise a professional difference from your minutes card.`
                  : `${reference}: a dissent from ${requester?.name ?? 'an attendee'} has been added to the minutes record.`,
            },
          })),
        );
      }
    }
    return { card: this.cards.correction(d, correction) };
  }

  /**
   * Circulates a new version applying an accepted correction, unless one already does. Two
   * corrections accepted at once each get their own version, the later applying both.
   */
  private async applyCorrection(d: StrategyDiscussion, m: Minutes, actor: Actor, id: string): Promise<boolean> {
    for (let cur = m; ; cur = (await this.store.get(d.reference))!) {
      if (cur.versions.some((v) => v.content.corrections?.some((c) => c.id === id))) return false;
      const c = cur.corrections.find((x) => x.id === id)!;
      const v = latest(cur)!;
      const content = { ...v.content, corrections: [...(v.content.corrections ?? []), { id, wrong: c.wrong, shouldSay: c.shouldSay }] };
      const next = latest(circulate(cur, d, actor.person.aadObjectId, content, this.now(), `Correction ${id} accepted`))!;
      if (await this.store.addVersion(d.reference, next, { applies: id })) return true;
    }
  }

  // ---- Chasing confirmations ----

  async chaseConfirmation(p: { ref: string; version: number; person: string }, toManager: boolean, jobId: string): Promise<void> {
    const m = await this.store.get(p.ref);
    if (!m || latest(m)?.version !== p.version || (await this.store.confirmation(p.ref, p.version, p.person))) return;
    if (m.corrections.some((c) => c.by === p.person && c.version === p.version && c.state === 'open')) return; // waiting on the chair
    const d = await this.discussions.get(p.ref);
    if (!d) return;
    const who = this.directory.person(p.person);
    if (!toManager) {
      const userId = (await this.conversations.person(p.person))?.userId;
      const headline = `${p.ref}: reminder, please confirm you received and reviewed the minutes`;
      await this.outbox.send({ key: `${jobId}|message`, subject: p.ref, to: { person: p.person }, message: { summary: headline, card: this.cards.review(d, m, latest(m)!, { aadObjectId: p.person, userId }, undefined, { headline }) }, reportTo: [d.chair] });
      return;
    }
    const manager = who && this.directory.manager(who);
    await this.audit.record({ subject: p.ref, action: 'chased.minutes-manager', actorAadObjectId: p.person });
    await this.outbox.send({
      key: `${jobId}|message`,
      subject: p.ref,
      to: { person: manager?.aadObjectId ?? d.chair },
      message: { summary: `${p.ref}: ${who?.name ?? 'A recipient'} has not confirmed receiving and reviewing the minutes of a strategy discussion, circulated ${this.calendar.describe(new Date(latest(m)!.circulatedAt))}.` },
    });
  }
}
