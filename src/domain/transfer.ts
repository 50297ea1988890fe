/**
 * A child's case moving from one local authority to another (domain guide §6). The rule that
 * matters: the sending authority stays responsible until the receiving authority has accepted
 * AND the agreed date has arrived, and every card says who is responsible now, in the same words.
 * Pure rules: no Teams, no storage.
 */
import { DateTime } from 'luxon';
import { Directory, NeighbouringAuthority, Person, TransferChecklistItem } from './directory';
import { Invalid, Refused } from './refusals';
import { FIELDS, lengthProblems } from './limits';
import { isChoice } from './choices';

export type Plan = 'cin' | 'cp' | 'lac';
export const PLANS: Record<Plan, string> = {
  cin: 'Child in need plan',
  cp: 'Child protection plan',
  lac: 'Looked after child',
};

/** How the receiving authority answers. */
export type TransferAnswer = 'accept' | 'propose' | 'ask' | 'decline';
export const TRANSFER_ANSWERS: Record<TransferAnswer, string> = {
  accept: 'Accept with this date',
  propose: 'Propose another date',
  ask: 'Ask for information',
  decline: 'Decline, with the reason',
};

export interface Authority {
  id: string;
  name: string;
}

/** How an acceptance reached Concord: in Teams, by the emailed code, or by phone or email recorded by a partnership person. */
export type AcceptedHow = 'teams' | 'code' | 'phone';

export interface Acceptance {
  /** The receiving authority's person, by name (they may not be in the directory). */
  name: string;
  /** Their directory id when they accepted in Teams. */
  aadObjectId?: string;
  /** When they accepted (for a phone acceptance: when the call was, as recorded). */
  at: string;
  how: AcceptedHow;
  /** The partnership person who entered the code or recorded the call. */
  recordedBy?: string;
}

export interface TransferStep {
  at: string;
  /** A directory id, or the receiving contact's name for steps taken outside Concord. */
  by: string;
  what: 'started' | 'accepted' | 'date-proposed' | 'date-agreed' | 'information-asked' | 'declined' | 'checked' | 'lapsed' | 'code-issued';
  /** Free text a person wrote (a reason, a question): shown only inside cards and records. */
  text?: string;
  date?: string;
}

/** How each step reads in a transfer's history, on its card and in its record alike. */
export const STEP_WORDS: Record<TransferStep['what'], string> = {
  started: 'started the transfer, proposing',
  accepted: 'accepted, with the agreed date',
  'date-proposed': 'proposed another date:',
  'date-agreed': 'agreed the proposed date',
  'information-asked': 'asked for information',
  declined: 'declined',
  checked: 'completed:',
  lapsed: 'the proposed date passed without acceptance:',
  'code-issued': 'was given the acceptance code to email',
};

export type TransferState = 'awaiting' | 'accepted' | 'declined' | 'lapsed';

export interface Transfer {
  reference: string;
  /** The child's case references: Concord's (REF-, SD-) and the authority's own. */
  caseReferences: string;
  /** The referral or discussion it was started from, if any. */
  from?: string;
  sending: Authority;
  receiving: Authority;
  plan: Plan;
  reason: string;
  /** YYYY-MM-DD, local to the partnership. */
  proposedDate: string;
  startedBy: string;
  startedAt: string;
  answerBy: string;
  /** `dueBy`: YYYY-MM-DD, for an item the partnership times from the start. */
  checklist: (TransferChecklistItem & { dueBy?: string; done?: { by: string; at: string } })[];
  state: TransferState;
  acceptance?: Acceptance;
  /** YYYY-MM-DD: the date responsibility moves, once accepted. */
  agreedDate?: string;
  /** The last date or question the receiving authority sent back, awaiting the sender. */
  lastAnswer?: { what: TransferAnswer; text?: string; date?: string; at: string; by: string };
  /**
   * An emailed acceptance code: only its hash is kept. `issuedBy`: who was shown it (the starter
   * when absent); `wrongAttempts`: wrong codes entered since it was issued.
   */
  code?: { hash: string; expiresAt: string; usedAt?: string; issuedBy?: string; wrongAttempts?: number };
  steps: TransferStep[];
}

export interface StartRequest {
  receiving: string;
  plan: string;
  reason: string;
  proposedDate: string;
  caseReferences: string;
  from?: string;
}

/** The sending authority is the starter's own social care agency. */
export function sendingAuthorityOf(person: Person, directory: Directory): Authority | undefined {
  const agency = directory.agencyOf(person);
  return agency.type === 'social-care' ? { id: agency.id, name: agency.name } : undefined;
}

/** Only a local authority's children's social care sends a case: anyone else is refused before filling in a form. */
export function mustBeSendingAuthority(person: Person, directory: Directory): Authority {
  const sending = sendingAuthorityOf(person, directory);
  if (!sending) throw new Refused('not-authority', 'Only a practitioner or manager of a local authority’s children’s social care can start a transfer.');
  return sending;
}

export function start(
  req: StartRequest,
  reference: string,
  by: Person,
  directory: Directory,
  answerBy: Date,
  now: Date,
  today: string,
  dueBy: (workingDays: number) => string = () => '',
): Transfer {
  const sending = mustBeSendingAuthority(by, directory);
  const receiving = directory.neighbouringAuthority(req.receiving);
  const problems: string[] = [];
  if (!receiving) problems.push('Choose the receiving authority.');
  else if (receiving.agency === sending.id) problems.push('The receiving authority is your own.');
  if (!isChoice(PLANS, req.plan)) problems.push('Choose the child’s plan.');
  if (!req.reason.trim()) problems.push('Say why the case transfers (the family moved, or is about to).');
  if (!req.caseReferences.trim()) problems.push('Give the child’s case reference(s), not their name.');
  if (!req.proposedDate) problems.push('Give the proposed transfer date.');
  else if (req.proposedDate < today) problems.push('The proposed transfer date is in the past.');
  problems.push(
    ...lengthProblems([
      [FIELDS.transferReason, req.reason],
      [FIELDS.caseReferences, req.caseReferences],
    ]),
  );
  if (problems.length) throw new Invalid(problems);
  const plan = req.plan as Plan;
  return {
    reference,
    caseReferences: req.caseReferences.trim(),
    from: req.from || undefined,
    sending,
    receiving: { id: receiving!.id, name: receiving!.name },
    plan,
    reason: req.reason.trim(),
    proposedDate: req.proposedDate,
    startedBy: by.aadObjectId,
    startedAt: now.toISOString(),
    answerBy: answerBy.toISOString(),
    checklist: directory.transfers.checklist
      .filter((i) => !i.plans || i.plans.includes(plan))
      .map((i) => (i.withinWorkingDays ? { ...i, dueBy: dueBy(i.withinWorkingDays) } : { ...i })),
    state: 'awaiting',
    steps: [{ at: now.toISOString(), by: by.aadObjectId, what: 'started', date: req.proposedDate }],
  };
}

/** The receiving authority's side: its staff in the directory, and its Teams contact. */
export function isOfReceiving(t: Transfer, person: Person, directory: Directory): boolean {
  const a = directory.neighbouringAuthority(t.receiving.id);
  return !!a && (person.agency === a.agency || a.transferContact.teams?.toLowerCase() === person.aadObjectId.toLowerCase());
}

export function isOfSending(t: Transfer, person: Person): boolean {
  return person.agency === t.sending.id;
}

/** Who records an acceptance received by phone or email: the authority's named person, or a partnership admin. */
export function mayRecordAcceptance(t: Transfer, person: Person, directory: Directory): boolean {
  const a = directory.neighbouringAuthority(t.receiving.id);
  return person.roles.includes('partnership-admin') || (!!a?.recordedBy && a.recordedBy.toLowerCase() === person.aadObjectId.toLowerCase());
}

/** People of either authority, the person who records acceptances, and partnership admins may see it; nobody else learns it exists. */
export function maySeeTransfer(t: Transfer, person: Person, directory: Directory): boolean {
  return isOfSending(t, person) || isOfReceiving(t, person, directory) || mayRecordAcceptance(t, person, directory);
}

export function mustSee(t: Transfer | undefined, person: Person, directory: Directory, reference: string): asserts t is Transfer {
  if (!t || !maySeeTransfer(t, person, directory)) {
    throw new Refused('not-involved', `Neither authority of ${reference} is yours, so Concord cannot show or change it.`);
  }
}

const open = (t: Transfer) => t.state === 'awaiting';

/** The receiving authority answers: accept with a date, propose another, ask, or decline with the reason. */
export function answer(t: Transfer, by: Person, what: string, date: string, text: string, now: Date, today: string, directory: Directory): Transfer {
  if (!isOfReceiving(t, by, directory)) throw new Refused('not-authority', `Only the receiving authority (${t.receiving.name}) answers ${t.reference}.`);
  if (!open(t)) throw new Refused('old-version', `${t.reference} is already ${t.state}.`);
  if (!isChoice(TRANSFER_ANSWERS, what)) throw new Invalid(['Choose an answer.']);
  const problems: string[] = [];
  if ((what === 'accept' || what === 'propose') && !date) problems.push('Give the date.');
  if ((what === 'accept' || what === 'propose') && date && date < today) problems.push('The date is in the past.');
  if ((what === 'ask' || what === 'decline') && !text.trim())
    problems.push(what === 'ask' ? 'Say what information you need.' : 'Give the reason for declining.');
  problems.push(...lengthProblems([[FIELDS.transferAnswer, text]]));
  if (problems.length) throw new Invalid(problems);
  if (what === 'accept') return accepted(t, { name: by.name, aadObjectId: by.aadObjectId, at: now.toISOString(), how: 'teams' }, date);
  const at = now.toISOString();
  const step: TransferStep = {
    at,
    by: by.aadObjectId,
    what: what === 'propose' ? 'date-proposed' : what === 'ask' ? 'information-asked' : 'declined',
    text: text.trim() || undefined,
    date: what === 'propose' ? date : undefined,
  };
  return {
    ...t,
    state: what === 'decline' ? 'declined' : t.state,
    lastAnswer: { what, text: text.trim() || undefined, date: what === 'propose' ? date : undefined, at, by: by.aadObjectId },
    steps: [...t.steps, step],
  };
}

/** Accepted, however the acceptance came: responsibility moves on the agreed date, not before. */
export function accepted(t: Transfer, acceptance: Acceptance, agreedDate: string): Transfer {
  if (!open(t)) throw new Refused('old-version', `${t.reference} is already ${t.state}.`);
  return {
    ...t,
    state: 'accepted',
    acceptance,
    agreedDate,
    code: t.code && acceptance.how === 'code' ? { ...t.code, usedAt: acceptance.at } : t.code,
    steps: [...t.steps, { at: acceptance.at, by: acceptance.aadObjectId ?? acceptance.name, what: 'accepted', date: agreedDate }],
  };
}

/**
 * Wrong codes an acceptance code takes before it is locked: eight characters cannot be guessed in
 * five tries, and the receiving authority mistyping five times can ask for a new one.
 */
export const CODE_ATTEMPTS = 5;

export const codeLocked = (t: Transfer): boolean => (t.code?.wrongAttempts ?? 0) >= CODE_ATTEMPTS;

/** Who was shown the current code: never the one to enter it. */
export const codeIssuedBy = (t: Transfer): string => t.code?.issuedBy ?? t.startedBy;

/** A wrong code was entered: counted, the fifth locks the code. */
export function wrongCode(t: Transfer): Transfer {
  if (!t.code || t.code.usedAt || codeLocked(t)) return t;
  return { ...t, code: { ...t.code, wrongAttempts: (t.code.wrongAttempts ?? 0) + 1 } };
}

/** The codes issued so far: a card offering a new one names how many it saw, so a repeated click issues one. */
export const codesIssued = (t: Transfer): number => t.steps.filter((s) => s.what === 'code-issued').length;

/** The sending authority replaces the code (locked, expired or lost): the old one stops working. */
export function reissueCode(t: Transfer, by: Person, code: { hash: string; expiresAt: string }, now: Date): Transfer {
  if (!isOfSending(t, by)) throw new Refused('not-authority', `Only the sending authority (${t.sending.name}) issues the acceptance code of ${t.reference}.`);
  if (!open(t)) throw new Refused('old-version', `${t.reference} is already ${t.state}: it needs no acceptance code.`);
  if (!t.code) throw new Refused('wrong-code', `${t.reference} has no acceptance code: its receiving authority answers in Teams.`, 'no code issued');
  return {
    ...t,
    code: { ...code, issuedBy: by.aadObjectId },
    steps: [...t.steps, { at: now.toISOString(), by: by.aadObjectId, what: 'code-issued' }],
  };
}

/**
 * The sending authority agrees to the date the receiving authority proposed: that proposal was its
 * acceptance for that date, so the transfer is accepted as of when it was made. `date` is the one
 * the sender's card showed: a newer proposal is not agreed by a click on an older one.
 */
export function agreeProposedDate(t: Transfer, by: Person, date: string, now: Date, today: string, directory: Directory): Transfer {
  if (!isOfSending(t, by)) throw new Refused('not-authority', `Only the sending authority (${t.sending.name}) agrees to a date for ${t.reference}.`);
  const last = t.steps[t.steps.length - 1];
  if (t.state === 'accepted' && last.what === 'date-agreed' && last.date === date) return t;
  if (!open(t)) throw new Refused('old-version', `${t.reference} is already ${t.state}.`);
  const proposal = t.lastAnswer;
  if (proposal?.what !== 'propose' || !proposal.date) throw new Refused('old-version', `${t.receiving.name} has not proposed a date for ${t.reference}.`);
  if (proposal.date !== date) {
    const zone = directory.partnership.timeZone;
    throw new Refused(
      'old-version',
      `${t.receiving.name} has since proposed ${dateInWords(proposal.date, zone)}: agree to that one from the newest card, or not at all.`,
    );
  }
  if (date < today) throw new Invalid([`The proposed date has passed: ask ${t.receiving.name} for another.`]);
  const proposer = directory.person(proposal.by);
  return {
    ...t,
    state: 'accepted',
    acceptance: { name: proposer?.name ?? t.receiving.name, aadObjectId: proposal.by, at: proposal.at, how: 'teams' },
    agreedDate: date,
    // Answered: nothing of the receiving authority's is awaiting the sender any more.
    lastAnswer: undefined,
    steps: [...t.steps, { at: now.toISOString(), by: by.aadObjectId, what: 'date-agreed', date }],
  };
}

export function check(t: Transfer, by: Person, itemId: string, now: Date): Transfer {
  if (!isOfSending(t, by)) throw new Refused('not-authority', `Only the sending authority (${t.sending.name}) completes the checklist of ${t.reference}.`);
  const item = t.checklist.find((i) => i.id === itemId);
  if (!item) throw new Refused('invalid-input', 'This card sent something Concord does not offer, so nothing was recorded.', 'not a checklist item');
  if (item.done) return t;
  const at = now.toISOString();
  return {
    ...t,
    checklist: t.checklist.map((i) => (i.id === itemId ? { ...i, done: { by: by.aadObjectId, at } } : i)),
    steps: [...t.steps, { at, by: by.aadObjectId, what: 'checked', text: item.label }],
  };
}

export function lapse(t: Transfer, now: Date): Transfer {
  if (!open(t)) return t;
  return { ...t, state: 'lapsed', steps: [...t.steps, { at: now.toISOString(), by: 'system', what: 'lapsed', date: t.proposedDate }] };
}

export const checklistComplete = (t: Transfer) => t.checklist.every((i) => i.done);

/** A date in words, as people read it: "Monday 7 December 2026". */
export function dateInWords(isoDate: string, zone: string): string {
  return DateTime.fromISO(isoDate, { zone }).toFormat('cccc d LLLL yyyy');
}

/**
 * Who is responsible now, in the words every card and record uses. The sending authority stays
 * responsible until the receiving authority has accepted and the agreed date has arrived.
 */
export function responsibility(t: Transfer, today: string, zone: string): string {
  const day = (d: string) => dateInWords(d, zone);
  if (t.state === 'accepted' && t.acceptance && t.agreedDate) {
    const by = `accepted by ${t.acceptance.name} on ${day(DateTime.fromISO(t.acceptance.at, { zone }).toISODate()!)}`;
    return today >= t.agreedDate
      ? `Responsible now: ${t.receiving.name} since ${day(t.agreedDate)} (${by}); before that ${t.sending.name}`
      : `Responsible now: ${t.sending.name} until ${day(t.agreedDate)}, then ${t.receiving.name} (${by})`;
  }
  if (t.state === 'declined') return `Responsible now: ${t.sending.name} (${t.receiving.name} declined the transfer)`;
  if (t.state === 'lapsed') return `Responsible now: ${t.sending.name} (the proposed date passed without ${t.receiving.name}’s acceptance)`;
  return `Responsible now: ${t.sending.name}, until ${t.receiving.name} accepts and the agreed date arrives`;
}

/** A transfer as the referral or discussion it was started from shows it. */
export interface TransferLink {
  reference: string;
  /** The receiving authority's name. */
  to: string;
  at: string;
}

/** The record's links with this one added once: starting the same transfer again changes nothing. */
export function withTransfer<R extends { transfers?: TransferLink[] }>(record: R, link: TransferLink): R {
  return record.transfers?.some((l) => l.reference === link.reference) ? record : { ...record, transfers: [...(record.transfers ?? []), link] };
}

/** How the receiving authority is reached for this transfer. */
export function contactRoute(a: NeighbouringAuthority): 'teams' | 'email' | 'phone' {
  return a.transferContact.teams ? 'teams' : a.transferContact.email ? 'email' : 'phone';
}
