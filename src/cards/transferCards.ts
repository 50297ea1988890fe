/**
 * Cards for case transfers. Every one says who is responsible now in the same words; each
 * person's card shows only what they can do (the receiving authority answers, the sending
 * authority ticks off its checklist, the person who records acceptances enters them).
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { WorkingCalendar } from '../domain/calendar';
import { Directory, Person } from '../domain/directory';
import { inputsOf } from '../domain/limits';
import {
  codeLocked,
  codesIssued,
  contactRoute,
  dateInWords,
  isOfReceiving,
  isOfSending,
  mayRecordAcceptance,
  PLANS,
  responsibility,
  STEP_WORDS,
  Transfer,
} from '../domain/transfer';
import { renderCard } from './render';
import startTemplate from './templates/transfer/start';
import transferTemplate from './templates/transfer/transfer';
import acceptanceTemplate from './templates/transfer/acceptance';
import supersededTemplate from './templates/superseded';
import { StartField, StartForm } from '../workflows/transfer/forms';

type Card = Record<string, unknown>;

export class TransferCards {
  constructor(
    private readonly directory: Directory,
    private readonly calendar: WorkingCalendar,
  ) {}

  private get zone() {
    return this.directory.partnership.timeZone;
  }

  private day(d: string): string {
    return dateInWords(d, this.zone);
  }

  private who(id: string): string {
    if (id === 'system') return 'Concord';
    const p = this.directory.person(id);
    return p ? `${p.name} (${this.directory.agencyOf(p).name})` : id;
  }

  responsible(t: Transfer, now: Date): string {
    return responsibility(t, this.calendar.local(now).toISODate()!, this.zone);
  }

  startForm(values: StartForm = {}, errors: string[] = []): Card {
    const v = (k: StartField) => values[k] ?? '';
    return renderCard(startTemplate, {
      formId: values.formId || randomUUID(),
      from: values.from ?? '',
      errors: errors.join(' '),
      f: inputsOf('caseReferences', 'transferReason'),
      values: { receiving: v('receiving'), plan: v('plan'), caseReferences: v('caseReferences'), reason: v('reason'), proposedDate: v('proposedDate') },
      authorities: this.directory.neighbouringAuthorities().map((a) => ({ title: a.name, value: a.id })),
      plans: Object.entries(PLANS).map(([value, title]) => ({ title, value })),
    });
  }

  /** A card sent before a newer one: what happened since (the headline) and where the current card is, nothing to click. */
  superseded(headline: string): Card {
    return renderCard(supersededTemplate, {
      headline,
      line: 'This card is out of date. The newest card about the transfer shows who is responsible now and what you can do.',
    });
  }

  /** What the sender emails to a contact outside the tenants: its first line names no child. */
  summary(t: Transfer, code: string): string {
    const a = this.directory.neighbouringAuthority(t.receiving.id);
    return [
      `${t.reference}: request to transfer a case from ${t.sending.name} to ${t.receiving.name}`,
      `To: ${a?.transferContact.name ?? t.receiving.name}${a?.transferContact.email ? ` <${a.transferContact.email}>` : ''}`,
      `Case reference(s): ${t.caseReferences}`,
      `Plan: ${PLANS[t.plan]}`,
      `Proposed transfer date: ${this.day(t.proposedDate)}`,
      `Why: ${t.reason}`,
      `${t.sending.name} stays responsible until you accept and the agreed date arrives.`,
      `To accept, reply with the agreed date, your name and role, and the acceptance code ${code}. To propose another date, ask for information or decline, reply saying so.`,
    ].join('\n');
  }

  transfer(t: Transfer, viewer: Person & { userId?: string }, now: Date, options: { error?: string; code?: string; headline?: string } = {}): Card {
    const d = this.directory;
    const awaiting = t.state === 'awaiting';
    const sending = isOfSending(t, viewer);
    const receiving = isOfReceiving(t, viewer, d);
    const recorder = mayRecordAcceptance(t, viewer, d);
    const authority = d.neighbouringAuthority(t.receiving.id);
    const route = authority ? contactRoute(authority) : 'phone';
    const contact = authority?.transferContact;
    const last = t.lastAnswer;
    // The sender may agree to the date the receiving authority proposed, while it still stands.
    const agreeable = awaiting && sending && last?.what === 'propose' ? last.date : undefined;
    const lastWords = !last
      ? ''
      : last.what === 'propose'
        ? `${t.receiving.name} proposes ${this.day(last.date!)} instead${last.text ? `: “${last.text}”` : ''}`
        : last.what === 'ask'
          ? `${t.receiving.name} asks for information: “${last.text ?? ''}”`
          : last.what === 'decline'
            ? `${t.receiving.name} declined: “${last.text ?? ''}”`
            : '';
    const contactNote = !awaiting
      ? ''
      : route === 'teams'
        ? `${t.receiving.name}’s transfer contact, ${this.who(contact!.teams!)}, is asked in Teams.`
        : route === 'email'
          ? `${t.receiving.name} is reached by email (${contact?.email ?? ''}): their acceptance comes back with the one-time code.`
          : `${t.receiving.name} is reached by phone (${contact?.name ?? ''}, ${contact?.phone ? `[${contact.phone}](tel:${contact.phone.replace(/[^\d+]/g, '')})` : ''}): ${authority?.recordedBy ? this.who(authority.recordedBy) : 'a partnership admin'} records their acceptance.`;
    const facts = [
      { title: 'From', value: t.sending.name },
      { title: 'To', value: t.receiving.name },
      { title: 'Plan', value: PLANS[t.plan] },
      { title: 'Case reference(s)', value: t.caseReferences },
      { title: 'Proposed date', value: this.day(t.proposedDate) },
      ...(t.agreedDate ? [{ title: 'Agreed date', value: this.day(t.agreedDate) }] : []),
      ...(awaiting ? [{ title: 'Answer due', value: this.calendar.phrase(new Date(t.answerBy), now) }] : []),
      ...(t.acceptance
        ? [
            {
              title: 'Accepted',
              value: `by ${t.acceptance.name} on ${this.day(DateTime.fromISO(t.acceptance.at, { zone: this.zone }).toISODate()!)}${t.acceptance.how === 'teams' ? ' in Teams' : t.acceptance.how === 'code' ? ' with the acceptance code' : ' by phone or email'}${t.acceptance.recordedBy ? `, recorded by ${this.who(t.acceptance.recordedBy)}` : ''}`,
            },
          ]
        : []),
      { title: 'Started by', value: this.who(t.startedBy) },
    ];
    return renderCard(transferTemplate, {
      reference: t.reference,
      userIds: viewer.userId ? [viewer.userId] : [],
      headline: options.headline ?? `${t.reference}: case transfer (${t.state})`,
      responsible: this.responsible(t, now),
      facts,
      reason: t.reason,
      lastAnswer: lastWords,
      summary: options.code ? this.summary(t, options.code) : '',
      code: options.code ?? '',
      contactNote,
      checklist: t.checklist.map((i) => ({
        id: i.id,
        label: i.dueBy ? `${i.label} by ${this.day(i.dueBy)}` : i.label,
        state: i.done ? `Done (${this.who(i.done.by)}):` : 'To do:',
        canCheck: !i.done && sending && (t.state === 'awaiting' || t.state === 'accepted'),
      })),
      history: t.steps
        .slice(-8)
        .map(
          (s) =>
            `${this.calendar.describe(new Date(s.at))}: ${this.who(s.by)} ${STEP_WORDS[s.what]}${s.date ? ` ${this.day(s.date)}` : ''}${s.text ? ` “${s.text}”` : ''}`,
        ),
      error: options.error ?? '',
      f: inputsOf('transferAnswer'),
      canAnswer: awaiting && receiving,
      canEnterCode: awaiting && !!t.code && (recorder || receiving) && viewer.aadObjectId !== t.startedBy,
      canRecordPhone: awaiting && route !== 'teams' && recorder,
      canRaiseDifference: (t.state === 'declined' || t.state === 'lapsed') && t.plan === 'cp' && sending,
      canIssueCode: awaiting && !!t.code && sending,
      proposedByReceiving: agreeable ?? '',
      proposedInWords: agreeable ? this.day(agreeable) : '',
      codes: codesIssued(t),
      codeNote: awaiting && sending && codeLocked(t) ? 'The acceptance code was locked after five wrong codes: issue a new one and email it.' : '',
    });
  }

  acceptanceForm(t: Transfer, how: 'code' | 'phone', now: Date, code = '', errors: string[] = []): Card {
    return renderCard(acceptanceTemplate, {
      reference: t.reference,
      byCode: how === 'code',
      title: how === 'code' ? `${t.reference}: accept with the emailed code` : `${t.reference}: record an acceptance by phone or email`,
      responsible: this.responsible(t, now),
      errors: errors.join(' '),
      code,
      f: inputsOf('acceptedBy'),
    });
  }
}
