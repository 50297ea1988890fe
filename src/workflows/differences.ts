/**
 * Resolving Professional Differences by message: raise, act at each stage, and let no stage
 * stall: deadlines escalate by themselves, and a manager's silence goes to their own manager.
 */
import { randomUUID } from 'node:crypto';
import {
  accept, askOrAnswer, coverForSilence, currentStage, escalate, ladderFrom, finalOutcome, hasActed, maySee, Origin, ProfessionalDifference,
  propose, raise, RaiseRequest,
} from '../domain/professionalDifference';
import { ANSWERS, DECISIONS } from '../domain/strategyDiscussion';
import { Invalid, Refused, unexpectedInput } from '../domain/refusals';
import { isCaseReference } from '../domain/caseReference';
import { DifferenceCards } from '../cards/differenceCards';
import { DifferenceStore } from '../store/differenceStore';
import { DiscussionStore } from '../store/discussionStore';
import { MinutesStore } from '../store/minutesStore';
import { Reply as CardReply } from './ports';
import { Actor } from './actor';
import { Workflow, WorkflowServices } from './workflow';
import { csv as csvFile } from '../documents/csv';
import { Block, RecordDocument, Segment, strong, typed } from '../documents/document';
import { md } from '../documents/markdown';

type Values = Record<string, string>;

export class ProfessionalDifferences extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly store: DifferenceStore,
    private readonly discussions: DiscussionStore,
    private readonly minutes: MinutesStore,
    private readonly cards: DifferenceCards,
  ) {
    super(services);
  }

  private get ladder() {
    return ladderFrom(this.directory.partnership.escalation.stages);
  }

  private dueAt = (stage: number, from: Date): Date =>
    this.calendar.endOfWorkingDayAfter(from, this.ladder.find((s) => s.stage === stage)!.workingDays);

  private async load(actor: Actor, reference: string): Promise<ProfessionalDifference> {
    const pd = /^PD-\d{4,}$/.test(reference) ? await this.store.get(reference) : undefined;
    const admin = actor.person.roles.includes('partnership-admin');
    if (!pd || (!admin && !maySee(pd, actor.person.aadObjectId))) {
      throw new Refused('not-involved', `You are not involved in ${reference}, so Concord cannot show or change it.`);
    }
    return pd;
  }

  // ---- Raising ----

  raiseForm(actor: Actor, values: Values = {}, origin = ''): CardReply {
    return { card: this.cards.raiseForm(actor.person, values, [], origin) };
  }

  /** The raiser's own different understanding of a version of an outcome, in a case they are involved in. */
  private async differentUnderstanding(actor: Actor, sdRef: string, version: number) {
    const d = await this.access.load(actor, sdRef);
    const ack = await this.discussions.acknowledgement(sdRef, version, actor.person.aadObjectId);
    const v = d.versions.find((x) => x.version === version);
    if (ack?.answer !== 'different' || !v) throw new Refused('not-attendee', `Only an attendee who recorded a different understanding of ${sdRef} can raise a professional difference from it.`);
    return { d, v, ack };
  }

  /** The raiser's own declined correction to the minutes of a case they are involved in. */
  private async declinedCorrection(actor: Actor, sdRef: string, correctionId: string) {
    const d = await this.access.load(actor, sdRef);
    const m = await this.minutes.get(sdRef);
    const c = m?.corrections.find((x) => x.id === correctionId);
    if (!c || c.by !== actor.person.aadObjectId || c.state !== 'declined') {
      throw new Refused('not-recipient', 'Only the person whose correction was declined can raise it as a professional difference.');
    }
    return { d, c };
  }

  /**
   * Where a raised difference comes from, as the raise form carries it back: a case the raiser is
   * involved in, at an answer that is theirs. Checked before anything is written or a reference
   * spent, so a forged origin changes nobody's record.
   */
  private async originOf(actor: Actor, origin: string): Promise<Origin | undefined> {
    if (!origin) return undefined;
    const [kind, reference, detail, ...rest] = origin.split('|');
    if (kind === 'strategy-outcome' && !rest.length && /^[1-9][0-9]{0,5}$/.test(detail ?? '')) {
      await this.differentUnderstanding(actor, reference, Number(detail));
      return { kind, reference, detail };
    }
    if (kind === 'minutes-correction' && !rest.length && detail) {
      await this.declinedCorrection(actor, reference, detail);
      return { kind, reference, detail };
    }
    throw unexpectedInput('"origin" is not one Concord gives');
  }

  /** One click from a different understanding of a strategy discussion outcome, details filled in. */
  async raiseFromOutcome(actor: Actor, sdRef: string, version: number): Promise<CardReply> {
    const { d, v, ack } = await this.differentUnderstanding(actor, sdRef, version);
    return this.raiseForm(
      actor,
      {
        caseReference: sdRef,
        decision: `The outcome of strategy discussion ${sdRef}, version ${version}: ${DECISIONS[v.outcome.decision]}`,
        reasons: `${ANSWERS.different}: ${ack.note ?? ''}`,
        outcomeSought: '',
        responding: d.chair,
      },
      `strategy-outcome|${sdRef}|${version}`,
    );
  }

  /** One click from a declined correction to the minutes. */
  async raiseFromCorrection(actor: Actor, sdRef: string, correctionId: string): Promise<CardReply> {
    const { d, c } = await this.declinedCorrection(actor, sdRef, correctionId);
    return this.raiseForm(
      actor,
      {
        caseReference: sdRef,
        decision: `The minutes of ${sdRef}: correction ${c.id} declined (${c.decision?.reason ?? ''})`,
        reasons: `The minutes say “${c.wrong}”; they should say “${c.shouldSay}”.`,
        outcomeSought: 'The minutes corrected',
        responding: d.chair,
      },
      `minutes-correction|${sdRef}|${c.id}`,
    );
  }

  async raise(actor: Actor, form: Values): Promise<CardReply> {
    const origin = await this.originOf(actor, form.origin ?? '');
    const request: RaiseRequest = {
      caseReference: form.caseReference ?? '',
      decision: form.decision ?? '',
      reasons: form.reasons ?? '',
      outcomeSought: form.outcomeSought ?? '',
      responding: form.responding ?? '',
      immediateRisk: form.immediateRisk === 'true',
      origin,
    };
    try {
      raise(request, 'PD-0000', actor.person, this.directory, this.now(), this.dueAt);
    } catch (e) {
      if (e instanceof Invalid) return { card: this.cards.raiseForm(actor.person, form, e.problems, form.origin ?? '') };
      throw e;
    }
    const { reference, first } = await this.references.forForm('PD', form.formId || randomUUID());
    if (!first) {
      const existing = await this.store.get(reference);
      return existing ? this.mine(actor, existing) : { message: `This form was already submitted as ${reference}.` };
    }
    const pd = raise(request, reference, actor.person, this.directory, this.now(), this.dueAt);
    await this.store.create(pd);
    // The case reference is typed: named in the audit only when it is one of Concord's.
    const about = isCaseReference(pd.caseReference) ? pd.caseReference : 'a case reference not in Concord’s format';
    await this.access.note(actor, pd.reference, 'difference.raised', `about ${about}${pd.immediateRisk ? '; immediate risk: stage 3' : ''}`);
    await this.recordOrigin(pd);
    await this.startStage(pd, pd.immediateRisk ? 'raised because the child is at immediate risk' : 'raised');
    const e = this.directory.partnership.emergency;
    const emergency = pd.immediateRisk
      ? `If the child is in danger now, call ${e.emergencyNumber}. Out of hours: ${e.outOfHoursNumber}. Front Door: ${e.frontDoorNumber}. The difference starts at stage 3 and everyone involved has been told.`
      : undefined;
    return { card: this.cards.stage(pd, { aadObjectId: actor.person.aadObjectId, userId: actor.userId }, this.now(), { headline: `${pd.reference}: professional difference raised`, error: emergency }) };
  }

  /** Keep the link on the record it came from, so the strategy discussion or minutes show it. */
  private async recordOrigin(pd: ProfessionalDifference): Promise<void> {
    const o = pd.origin;
    if (!o) return;
    if (o.kind === 'strategy-outcome') {
      const version = Number(o.detail);
      const ack = await this.discussions.acknowledgement(o.reference, version, pd.raisedBy);
      // Rows created once: the first difference raised from this version stands.
      await this.discussions.addDifferenceRequest(o.reference, { aadObjectId: pd.raisedBy, version, understood: ack?.note ?? '', at: pd.raisedAt, difference: pd.reference });
    } else {
      await this.minutes.markRaised(o.reference, o.detail, { at: pd.raisedAt, difference: pd.reference });
    }
    await this.audit.record({ subject: o.reference, action: 'difference.raised', actorAadObjectId: pd.raisedBy, detail: pd.reference });
  }

  /** A stage begins: its people are told, and its deadline, reminder and approval chasers are set. */
  private async startStage(pd: ProfessionalDifference, why: string): Promise<void> {
    const cur = currentStage(pd);
    const due = new Date(cur.dueAt);
    await this.jobs.schedule({ id: `pd|${pd.reference}|s${cur.stage}|deadline`, kind: 'pd.deadline', dueAt: due, payload: { ref: pd.reference, stage: cur.stage } });
    const reminderAt = this.calendar.fromLocal(this.calendar.local(due).toISODate()!, this.directory.partnership.timescales.startOfWorkingDay)!;
    if (reminderAt.getTime() > this.now().getTime()) {
      await this.jobs.schedule({ id: `pd|${pd.reference}|s${cur.stage}|remind`, kind: 'pd.remind', dueAt: reminderAt, payload: { ref: pd.reference, stage: cur.stage } });
    }
    if (cur.stage >= 2) {
      for (const p of cur.participants.filter((x) => x.side)) {
        await this.jobs.schedule({
          id: `pd|${pd.reference}|s${cur.stage}|approval|${p.aadObjectId}`,
          kind: 'pd.approval',
          dueAt: this.calendar.addWorkingDays(new Date(cur.startedAt), this.directory.partnership.escalation.approvalWorkingDays),
          payload: { ref: pd.reference, stage: cur.stage, manager: p.aadObjectId },
        });
      }
    }
    const summary = cur.stage === 1 && why === 'raised'
      ? `${pd.reference}: a professional difference is raised with you`
      : `${pd.reference}: now at stage ${cur.stage} (${why}), and it needs you`;
    await this.tellEveryone(pd, summary, `s${cur.stage}|start`);
  }

  /** The parties and everyone taking part now hear of a change, each with their own view. */
  private async tellEveryone(pd: ProfessionalDifference, summary: string, key: string, except?: string): Promise<void> {
    const people = [...new Set([pd.raisedBy, pd.responding, ...currentStage(pd).participants.map((p) => p.aadObjectId)])].filter((p) => p !== except);
    const deliveries = await Promise.all(
      people.map(async (id) => {
        const userId = (await this.conversations.person(id))?.userId;
        return {
          key: `${pd.reference}|${key}|${id}`,
          subject: pd.reference,
          to: { person: id },
          message: { summary, card: this.cards.stage(pd, { aadObjectId: id, userId }, this.now(), { headline: summary }) },
          reportTo: [pd.raisedBy],
        };
      }),
    );
    await this.outbox.sendAll(deliveries);
  }

  // ---- Acting at a stage ----

  async view(actor: Actor, reference: string): Promise<CardReply> {
    const pd = await this.load(actor, reference);
    return { card: this.cards.stage(pd, { aadObjectId: actor.person.aadObjectId, userId: actor.userId }, this.now()) };
  }

  /**
   * Applies a step under the etag. `changed` is what the write that succeeded did, so a repeated
   * click (which changes nothing) is neither audited nor announced twice.
   */
  private async change(
    actor: Actor,
    reference: string,
    apply: (pd: ProfessionalDifference) => ProfessionalDifference,
    audit: string,
  ): Promise<{ before: ProfessionalDifference; after: ProfessionalDifference; changed: boolean } | CardReply> {
    const before = await this.load(actor, reference);
    try {
      const { pd: after, changed } = await this.store.apply(reference, apply);
      if (changed) await this.access.note(actor, reference, audit, `stage ${currentStage(before).stage}`);
      return { before, after, changed };
    } catch (e) {
      if (e instanceof Invalid) return { card: this.cards.stage(before, { aadObjectId: actor.person.aadObjectId, userId: actor.userId }, this.now(), { error: e.problems.join(' ') }) };
      throw e;
    }
  }

  private mine(actor: Actor, pd: ProfessionalDifference): CardReply {
    return { card: this.cards.stage(pd, { aadObjectId: actor.person.aadObjectId, userId: actor.userId }, this.now()) };
  }

  async propose(actor: Actor, reference: string, stage: number, text: string): Promise<CardReply> {
    const r = await this.change(actor, reference, (pd) => propose(pd, actor.person.aadObjectId, stage, text, this.now()), 'difference.proposed');
    if ('card' in r || 'message' in r) return r;
    if (r.changed) await this.tellEveryone(r.after, `${reference}: a resolution is proposed; the other side is asked to accept it`, `proposal|${r.after.log.length}`, actor.person.aadObjectId);
    return this.mine(actor, r.after);
  }

  async accept(actor: Actor, reference: string, stage: number, proposalAt: string): Promise<CardReply> {
    const r = await this.change(actor, reference, (pd) => (pd.state === 'open' ? accept(pd, actor.person.aadObjectId, stage, proposalAt, this.now()) : pd), 'difference.resolved');
    if ('card' in r || 'message' in r) return r;
    if (r.changed) {
      await this.tellEveryone(r.after, `${reference}: resolved at stage ${stage}; both sides accepted the resolution`, 'resolved', actor.person.aadObjectId);
    }
    return this.mine(actor, r.after);
  }

  async escalate(actor: Actor, reference: string, stage: number): Promise<CardReply> {
    const who = actor.person.name;
    const r = await this.change(actor, reference, (pd) => escalate(pd, actor.person.aadObjectId, stage, `${who} escalated it`, this.now(), this.directory, this.dueAt, this.ladder), 'difference.escalated');
    if ('card' in r || 'message' in r) return r;
    if (r.changed) await this.startStage(r.after, `${who} escalated it from stage ${stage}`);
    return this.mine(actor, r.after);
  }

  async askOrAnswer(actor: Actor, reference: string, stage: number, what: 'asked' | 'answered', text: string): Promise<CardReply> {
    const r = await this.change(actor, reference, (pd) => askOrAnswer(pd, actor.person.aadObjectId, stage, what, text, this.now()), what === 'asked' ? 'difference.information-asked' : 'difference.information-given');
    if ('card' in r || 'message' in r) return r;
    const summary = what === 'asked' ? `${reference}: ${actor.person.name} asks for information` : `${reference}: ${actor.person.name} has given information`;
    if (r.changed) await this.tellEveryone(r.after, summary, `info|${r.after.log.length}`, actor.person.aadObjectId);
    return this.mine(actor, r.after);
  }

  async finalOutcome(actor: Actor, reference: string, stage: number, text: string): Promise<CardReply> {
    const r = await this.change(actor, reference, (pd) => (pd.state === 'open' ? finalOutcome(pd, actor.person.aadObjectId, stage, text, this.now()) : pd), 'difference.closed');
    if ('card' in r || 'message' in r) return r;
    if (r.changed) await this.tellEveryone(r.after, `${reference}: the partnership has recorded the final outcome; the difference is closed`, 'closed', actor.person.aadObjectId);
    return this.mine(actor, r.after);
  }

  // ---- No stalling (scheduled jobs) ----

  async deadlinePassed(p: { ref: string; stage: number }): Promise<void> {
    const before = await this.store.get(p.ref);
    if (!before || before.state !== 'open' || currentStage(before).stage !== p.stage) return;
    const why = `the stage ${p.stage} deadline passed without a resolution`;
    const after = await this.store.update(p.ref, (pd) => escalate(pd, 'system', p.stage, why, this.now(), this.directory, this.dueAt, this.ladder));
    await this.audit.record({ subject: p.ref, action: 'difference.auto-escalated', actorAadObjectId: undefined, detail: `from stage ${p.stage}` });
    if (currentStage(after).stage !== p.stage) await this.startStage(after, `escalated automatically: ${why}`);
    else await this.tellEveryone(after, `${p.ref}: the last stage is past its deadline; the partnership must record the final outcome`, `s${p.stage}|overdue`);
  }

  async remind(p: { ref: string; stage: number }): Promise<void> {
    const pd = await this.store.get(p.ref);
    if (!pd || pd.state !== 'open' || currentStage(pd).stage !== p.stage) return;
    const due = this.calendar.phrase(new Date(currentStage(pd).dueAt), this.now());
    await this.tellEveryone(pd, `${p.ref}: stage ${p.stage} must be resolved or escalated ${due}`, `s${p.stage}|remind`);
  }

  /** A manager who has not answered within a working day: their own manager is asked, and the silence recorded. */
  async approvalUnanswered(p: { ref: string; stage: number; manager: string }): Promise<void> {
    const pd = await this.store.get(p.ref);
    if (!pd || pd.state !== 'open' || currentStage(pd).stage !== p.stage || hasActed(pd, p.manager, p.stage)) return;
    const manager = this.directory.person(p.manager);
    const cover = manager && this.directory.manager(manager);
    const after = await this.store.update(p.ref, (cur) => coverForSilence(cur, p.manager, p.stage, cover, this.now(), manager?.name ?? 'A manager'));
    await this.audit.record({ subject: p.ref, action: 'difference.silence', actorAadObjectId: p.manager, detail: cover ? 'their manager asked' : 'nobody above them' });
    if (cover) {
      const userId = (await this.conversations.person(cover.aadObjectId))?.userId;
      const summary = `${p.ref}: ${manager?.name} has not answered a professional difference at stage ${p.stage}; it needs you`;
      await this.outbox.send({
        key: `${p.ref}|s${p.stage}|cover|${cover.aadObjectId}`,
        subject: p.ref,
        to: { person: cover.aadObjectId },
        message: { summary, card: this.cards.stage(after, { aadObjectId: cover.aadObjectId, userId }, this.now(), { headline: summary }) },
        reportTo: [pd.raisedBy],
      });
    }
  }

  // ---- The log ----

  async record(actor: Actor, reference: string): Promise<RecordDocument> {
    const pd = await this.load(actor, reference);
    await this.access.note(actor, reference, 'record.exported');
    // Names and every typed value are marked typed: the headings, list items and bold are Concord's alone.
    const who = (id: string): Segment => typed(id === 'system' ? 'Concord (deadline)' : this.directory.person(id)?.name ?? 'someone');
    const when = (iso: string) => this.calendar.describe(new Date(iso));
    const item = (...segments: Segment[]): Block => ({ item: segments });
    const join = (ids: string[], sep: string): Segment[] => ids.flatMap((id, i) => (i ? [sep, who(id)] : [who(id)]));
    return {
      title: `${pd.reference}: professional difference`,
      fileName: `${pd.reference} professional difference`,
      blocks: [
        { heading: [`${pd.reference}: professional difference about `, typed(pd.caseReference)], level: 1 },
        item('State: ', strong(pd.state), `, stage ${currentStage(pd).stage}`),
        item('Raised by: ', who(pd.raisedBy), '; responding: ', who(pd.responding)),
        item('Decision in question: ', typed(pd.decision)),
        item('Reasons: ', typed(pd.reasons)),
        item('Outcome sought: ', typed(pd.outcomeSought)),
        item(`Immediate risk: ${pd.immediateRisk ? 'yes' : 'no'}`),
        ...(pd.resolution ? [item('Outcome: ', typed(pd.resolution.text), ' (agreed by ', ...join(pd.resolution.agreedBy, ' and '), `, ${when(pd.resolution.at)})`)] : []),
        { heading: ['Stages'], level: 2 },
        ...pd.stages.map((st) => item(`Stage ${st.stage}: ${when(st.startedAt)} to ${st.endedAt ? `${when(st.endedAt)} (${st.ended})` : `now (due ${when(st.dueAt)})`}; `, ...join(st.participants.map((p) => p.aadObjectId), ', '))),
        { heading: ['Every step'], level: 2 },
        ...pd.log.map((e) => item(typed(this.cards.logLine(e)))),
      ],
    };
  }

  async list(actor: Actor, csv: boolean): Promise<{ message: string; csv?: string }> {
    if (!actor.person.roles.includes('partnership-admin')) {
      await this.audit.record({ subject: 'access', action: 'refused.not-admin', actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId, detail: 'differences log' });
      return { message: 'Only partnership administrators can see the log of professional differences.' };
    }
    const all = await this.store.all();
    const agency = (id: string) => {
      const p = this.directory.person(id);
      return p ? this.directory.agencyOf(p).name : 'unknown';
    };
    const days = (s: { startedAt: string; endedAt?: string }) => ((new Date(s.endedAt ?? this.now().toISOString()).getTime() - new Date(s.startedAt).getTime()) / 86_400_000).toFixed(1);
    const rows = all.map((pd) => ({
      reference: pd.reference,
      case: pd.caseReference,
      raisedAt: pd.raisedAt.slice(0, 10),
      raisedByAgency: agency(pd.raisedBy),
      respondingAgency: agency(pd.responding),
      state: pd.state,
      stage: String(currentStage(pd).stage),
      stageDays: pd.stages.map((s) => `${s.stage}:${days(s)}`).join(' '),
      autoEscalations: String(pd.log.filter((e) => e.what === 'auto-escalated').length),
    }));
    if (csv) {
      const header = ['reference', 'case', 'raised', 'raised_by_agency', 'responding_agency', 'state', 'stage', 'days_per_stage', 'automatic_escalations'];
      const file = csvFile(header, rows.map((r) => Object.values(r)));
      return { message: file, csv: file };
    }
    if (!rows.length) return { message: 'No professional differences have been raised.' };
    const open = rows.filter((r) => r.state === 'open').length;
    return {
      message: [
        `Professional differences: ${rows.length} raised, ${open} open.`,
        ...rows.map((r) => `- ${r.reference} (${md(r.case)}): ${md(r.raisedByAgency)} and ${md(r.respondingAgency)}; ${r.state} at stage ${r.stage}; days per stage ${r.stageDays}`),
        'Type "differences csv" for the CSV.',
      ].join('\n'),
    };
  }
}

