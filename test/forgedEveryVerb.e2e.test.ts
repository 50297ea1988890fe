/**
 * Every card verb, forged as an attacker would send it (T7): values of the wrong type, numbers no
 * card offers, a reference of another kind or of no case, someone not part of the case, keys no
 * card has. For each: a clear message (no stack trace, no "undefined", no raw JSON, never what was
 * sent), an audit event of the refusal, and no row written in any table.
 */
import { Verb } from '../src/teams/verbs';
import { TABLE_NAMES } from '../src/store/tables';
import { ATTENDANCE_PREFIX } from '../src/workflows/strategy/forms';
import * as cards from './harness/cards';
import { discussionWithOutcome } from './harness/strategyFlow';
import { installInFrontDoorTeam } from './harness/frontDoor';
import { refer } from './harness/referral';
import { CardData, TeamsUser } from './harness/teams';
import { World } from './harness/world';

jest.setTimeout(600_000);

/** What the forged values carry: found in a reply, a row or an audit event, it was echoed or stored. */
const MARKER = 'Forged Jane Smith 01/02/2020';

type Kind = 'SD' | 'REF' | 'PD' | 'TR' | 'SI';
interface Spec<V extends Verb> {
  /** The kind of case the verb acts on; none for a verb that starts something or lists. */
  kind?: Kind;
  /** Values of the right shape for each input the verb reads: each is forged in turn. */
  data: Omit<CardData<V>, 'ref'>;
  /** Inputs the verb's typed data does not name one by one (the hand-over card's people). */
  untyped?: Record<string, unknown>;
  /** Whole-number inputs: also forged as numbers no card sends. */
  numbers?: (keyof CardData<V>)[];
}

/** Every verb, with the inputs it reads: a verb added to verbs.ts without a line here fails the build. */
const SPECS: { [V in Verb]: Spec<V> } = {
  mine: { data: {} },
  record: { kind: 'SD', data: {} },
  'sd.convene.open': { data: {} },
  'sd.followup.open': { kind: 'SD', data: {} },
  'sd.convene.step': {
    data: {
      move: 'next',
      step: 0,
      purpose: 'Injuries',
      referral: '',
      followUpOf: '',
      referredBy: '',
      otherAuthority: 'northshire',
      otherAuthoritySince: '2026-03-02',
      otherAuthorityPlan: 'cp',
      familyMoved: 'moved',
    },
    numbers: ['step'],
  },
  'sd.convene': {
    data: {
      purpose: 'Injuries',
      referral: '',
      followUpOf: '',
      otherAuthority: 'northshire',
      otherAuthoritySince: '2026-03-02',
      otherAuthorityPlan: 'cp',
      familyMoved: 'moved',
    },
  },
  'sd.invitation.reply': { kind: 'SD', data: { reply: 'attend' } },
  'sd.attendance.open': { kind: 'SD', data: {} },
  'sd.attendance.save': { kind: 'SD', data: { [`${ATTENDANCE_PREFIX}x`]: 'attended' } },
  'sd.outcome.open': { kind: 'SD', data: {} },
  'sd.outcome.step': { kind: 'SD', data: { move: 'next', step: 0, baseVersion: 1, threshold: 'not-met' }, numbers: ['step', 'baseVersion'] },
  'sd.outcome.save': { kind: 'SD', data: { baseVersion: 1, threshold: 'not-met', decision: 'early-help', rationale: 'r' }, numbers: ['baseVersion'] },
  'sd.ack': { kind: 'SD', data: { version: 1, answer: 'agree', note: 'n' }, numbers: ['version'] },
  'sd.ack.view': { kind: 'SD', data: { version: 1 }, numbers: ['version'] },
  'sd.tally.view': { kind: 'SD', data: {} },
  'sd.action.done': { kind: 'SD', data: { actionId: 'A1' } },
  'sd.export': { kind: 'SD', data: {} },
  'sd.handover.open': { kind: 'SD', data: {} },
  'sd.handover.save': { kind: 'SD', data: {}, untyped: { chair: '', minuteTaker: '', invite: '', owner_A1: '' } },
  'sd.difference': { kind: 'SD', data: { version: 1 }, numbers: ['version'] },
  'minutes.end': { kind: 'SD', data: {} },
  'minutes.open': { kind: 'SD', data: {} },
  'minutes.save': { kind: 'SD', data: { decision: '', analysis: 'a' } },
  'minutes.circulate': { kind: 'SD', data: { decision: '', analysis: 'a' } },
  'minutes.view': { kind: 'SD', data: { version: 1 }, numbers: ['version'] },
  'minutes.confirm': { kind: 'SD', data: { version: 1 }, numbers: ['version'] },
  'minutes.correct': { kind: 'SD', data: { version: 1, wrong: 'w', shouldSay: 's' }, numbers: ['version'] },
  'minutes.decide': { kind: 'SD', data: { id: 'C1', accept: true, reason: 'r' } },
  'minutes.difference': { kind: 'SD', data: { id: 'C1' } },
  'ref.start': { data: {} },
  'ref.danger': { data: { danger: 'no' } },
  'ref.resume': { data: {} },
  'ref.start-again': { data: {} },
  'ref.step': { data: { move: 'next', step: 0, childName: 'c' }, numbers: ['step'] },
  'ref.submit': { data: { draft: 'd' } },
  'ref.decide': { kind: 'REF', data: { outcome: 'advice', rationale: 'r' } },
  'ref.convene': { kind: 'REF', data: {} },
  'ref.view': { kind: 'REF', data: {} },
  'si.start': { data: {} },
  'si.step': { data: { move: 'next', step: 0 }, numbers: ['step'] },
  'si.submit': { data: {} },
  'si.panel': { kind: 'SI', data: { date: '2026-11-24' } },
  'si.review': { kind: 'SI', data: { date: '2026-11-24' } },
  'pd.raise.open': { data: {} },
  'pd.raise': { data: { caseReference: 'SD-0001', decision: 'd', reasons: 'r', outcomeSought: 'o', responding: '', immediateRisk: '' } },
  'pd.view': { kind: 'PD', data: {} },
  'pd.propose': { kind: 'PD', data: { stage: 1, text: 't' }, numbers: ['stage'] },
  'pd.accept': { kind: 'PD', data: { stage: 1, proposalAt: 'p' }, numbers: ['stage'] },
  'pd.escalate': { kind: 'PD', data: { stage: 1 }, numbers: ['stage'] },
  'pd.ask': { kind: 'PD', data: { stage: 1, text: 't' }, numbers: ['stage'] },
  'pd.answer': { kind: 'PD', data: { stage: 1, text: 't' }, numbers: ['stage'] },
  'pd.final': { kind: 'PD', data: { stage: 1, text: 't' }, numbers: ['stage'] },
  'pd.log': { data: { page: 0 }, numbers: ['page'] },
  'tr.start.open': { data: {} },
  'tr.start': { data: { receiving: 'ns-csc', plan: 'cp', reason: 'r', proposedDate: '2026-12-07', caseReferences: 'c' } },
  'tr.view': { kind: 'TR', data: {} },
  'tr.answer': { kind: 'TR', data: { answer: 'accept', date: '2026-12-07', text: 't' } },
  'tr.check': { kind: 'TR', data: { item: 'conference' } },
  'tr.acceptance.open': { kind: 'TR', data: { how: 'code' } },
  'tr.accept.code': { kind: 'TR', data: { code: 'c', acceptedBy: 'a', date: '2026-12-07' } },
  'tr.accept.phone': { kind: 'TR', data: { acceptedBy: 'a', when: '2026-12-07', date: '2026-12-07' } },
  'tr.difference': { kind: 'TR', data: {} },
  'tr.code.new': { kind: 'TR', data: { codes: 1 }, numbers: ['codes'] },
  'tr.date.agree': { kind: 'TR', data: { date: '2026-12-07' } },
};

let world: World;
/** A case of each kind, and who is part of it. */
const cases: Partial<Record<Kind, string>> = {};
let nia: TeamsUser;
let outsider: TeamsUser;

beforeAll(async () => {
  world = await World.start({ at: '2026-11-23T10:00:00Z' });
  const sd = await discussionWithOutcome(world);
  cases.SD = sd.reference;
  const [kim, jordan, mark] = await world.install('Kim Lee', 'Jordan Reid', 'Mark Stone');
  outsider = mark;
  nia = world.user('Nia Evans');
  await installInFrontDoorTeam(world, kim);
  cases.REF = (await refer(world, nia)).reference;
  const [escalate] = await nia.say('escalate');
  const raised = await nia.click(escalate.attachments[0].content, 'Raise the difference', {
    'Case reference (not the child’s name)': sd.reference,
    'The decision or action in question': 'No section 47 enquiry',
    'Your reasons and the evidence': 'Bruising.',
    'The outcome you are seeking': 'A section 47 enquiry',
    'Responding practitioner': 'Jordan Reid',
  });
  cases.PD = /^(PD-\d{4})/.exec(cards.text(raised.card))![1];
  const [transfer] = await jordan.say('transfer');
  const started = await jordan.click(transfer.attachments[0].content, 'Start the transfer', {
    'Receiving authority': 'Northshire Council',
    'The child’s plan': 'Child protection plan',
    'The child’s case reference(s), not their name': 'WM-CSC 40122',
    'Why the case transfers': 'Moved on 16 November.',
    'Proposed transfer date': '2026-12-07',
  });
  cases.TR = /(TR-\d{4})/.exec(cards.text(started.card))![1];
  await settled();
});

/**
 * The chair's live card is brought up to date a second after an answer (noting the update on its
 * delivery row): let that happen before a forged command's writes are counted.
 */
async function settled(): Promise<void> {
  await new Promise((r) => setTimeout(r, 2000));
  await world.runDueWork();
}
afterAll(async () => world?.stop());

/** Every row of every table but the audit log, with its version: a write changes it. */
async function rows(): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const table of TABLE_NAMES) {
    // The figures are projected from the audit log in the background (a refusal is counted there).
    if (table === 'audit' || table === 'figures') continue;
    for await (const e of world.concord.tables.client(table).listEntities()) all.set(`${table} ${e.partitionKey} ${e.rowKey}`, `${e.etag}`);
  }
  return all;
}

async function refusals(): Promise<string[]> {
  const out: string[] = [];
  for await (const e of world.concord.tables.client('audit').listEntities<{ action: string; detail?: string }>())
    if (e.action?.startsWith('refused.')) out.push(`${e.action} ${e.detail ?? ''}`);
  return out;
}

/** Sends one forged action and returns what went wrong with the answer, if anything. */
async function forge(who: TeamsUser, verb: Verb, data: Record<string, unknown>): Promise<string | undefined> {
  return refused(`${verb} by ${who.who.name} ${JSON.stringify(data).slice(0, 140)}`, async () => {
    const answer = await who.invoke(verb as 'mine', data);
    return { status: answer.http.status, said: answer.said };
  });
}

/** Sends one command and returns what went wrong with the answer, if anything. */
async function command(who: TeamsUser, typed: string): Promise<string | undefined> {
  return refused(`"${typed}" by ${who.who.name}`, async () => {
    const replies = await who.say(typed);
    return { status: 200, said: replies.map((r) => [r.text ?? '', ...(r.attachments ?? []).map((a: any) => cards.text(a.content))].join(' ')).join(' ') };
  });
}

/** What is wrong with how this was refused: unclear, echoed, not audited, or something written. */
async function refused(what: string, send: () => Promise<{ status: number; said: string }>): Promise<string | undefined> {
  const before = await rows();
  const refusedBefore = (await refusals()).length;
  const { status, said } = await send();
  const after = await rows();
  const audited = (await refusals()).slice(refusedBefore);
  const written = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
  const problems = [
    status !== 200 ? `HTTP ${status}` : '',
    /Something went wrong|undefined|\[object|NaN|Error\b|\bat .+:\d+|^\s*[{[]/.test(said) || !said.trim() ? `unclear: ${said.slice(0, 120)}` : '',
    said.includes(MARKER) ? 'the reply echoes what was sent' : '',
    audited.length ? '' : 'no refusal audited',
    audited.some((r) => r.includes(MARKER)) ? 'the audit row echoes what was sent' : '',
    written.length ? `rows written: ${written.slice(0, 3).join('; ')}` : '',
  ].filter(Boolean);
  return problems.length ? `${what}: ${problems.join(', ')} (${said.slice(0, 100)})` : undefined;
}

const verbs = Object.keys(SPECS) as Verb[];
const base = (v: Verb, ref?: unknown): Record<string, unknown> => ({ ...(ref ? { ref } : {}), ...SPECS[v].data, ...SPECS[v].untyped });

test('every verb, every input of it forged as another type: refused, audited, nothing written', async () => {
  const failures: string[] = [];
  for (const verb of verbs) {
    const ref = SPECS[verb].kind && cases[SPECS[verb].kind];
    for (const input of Object.keys({ ...SPECS[verb].data, ...SPECS[verb].untyped }))
      for (const forged of [[MARKER], { toString: MARKER }]) {
        const failure = await forge(nia, verb, { ...base(verb, ref), [input]: forged });
        if (failure) failures.push(failure);
      }
  }
  expect(failures).toEqual([]);
});

test('every whole-number input forged as a number no card sends: refused, audited, nothing written', async () => {
  const failures: string[] = [];
  for (const verb of verbs) {
    const ref = SPECS[verb].kind && cases[SPECS[verb].kind];
    for (const input of SPECS[verb].numbers ?? [])
      for (const forged of [-1, 1.5, 1e21, '1e3', '', MARKER]) {
        const failure = await forge(nia, verb, { ...base(verb, ref), [input]: forged });
        if (failure) failures.push(failure);
      }
  }
  expect(failures).toEqual([]);
});

test('every verb on a case, sent with a reference of another kind, of no case, or by someone not part of the case: refused, audited, nothing written', async () => {
  const failures: string[] = [];
  for (const verb of verbs) {
    const kind = SPECS[verb].kind;
    if (!kind) continue;
    const others = (Object.keys(cases) as Kind[]).filter((k) => k !== kind && !(verb === 'record' && k !== 'TR')).map((k) => cases[k]!);
    const own = cases[kind] ?? `${kind}-0001`;
    for (const ref of [...others, `${kind}-9999`, 'Jane Smith', [own], { toString: own }]) {
      const failure = await forge(nia, verb, base(verb, ref));
      if (failure) failures.push(failure);
    }
    const failure = await forge(kind === 'TR' ? nia : outsider, verb, base(verb, own));
    if (failure) failures.push(failure);
  }
  expect(failures).toEqual([]);
});

test('keys no card has, sent with every verb, are never stored or repeated, whatever the verb does with the rest', async () => {
  const echoed: string[] = [];
  for (const verb of verbs) {
    const kind = SPECS[verb].kind;
    const extra = { evil: MARKER, constructor: MARKER, toString: MARKER, [MARKER]: 'x' };
    const answer = await nia.invoke(verb as 'mine', { ...base(verb, kind && (cases[kind] ?? `${kind}-0001`)), ...extra } as never);
    if (answer.said.includes(MARKER) || /Something went wrong/.test(answer.said)) echoed.push(`${verb}: ${answer.said.slice(0, 160)}`);
  }
  expect(echoed).toEqual([]);
  await world.runDueWork();
  const stored: string[] = [];
  for (const table of TABLE_NAMES)
    for await (const e of world.concord.tables.client(table).listEntities())
      if (JSON.stringify(e).includes(MARKER)) stored.push(`${table} ${e.partitionKey} ${e.rowKey}`);
  expect(stored).toEqual([]);
});

test('every command of the help card, typed by someone without the role or about a case they are not part of: refused, audited, nothing written', async () => {
  const { SD, REF, PD, TR } = cases as Record<Kind, string>;
  await settled(); // the test before acts for real
  const failures: string[] = [];
  const byOutsider = [
    `record ${SD}`,
    `record ${REF}`,
    `record ${PD}`,
    `record ${TR}`,
    `referral ${REF}`,
    `difference ${PD}`,
    `export ${SD}`,
    `export ${PD}`,
    `export ${TR}`,
    `handover ${SD}`,
    `minutes ${SD}`,
    `transfer ${SD}`,
    `transfer ${REF}`,
    'transfer',
    `accept transfer ${TR} ABCD-EFGH`,
    'strategy',
    'differences',
    'differences csv',
    'transfers',
    'transfers csv',
    'minutes report 2026-11',
    'verify audit',
    'jobs',
    'retry job 3fa9c2',
    'reload directory',
    `link ${SD} ${REF}`,
    `hold ${SD} ${MARKER}`,
    `lift hold ${SD}`,
    `erase ${SD}`,
    `erase ${SD} confirm`,
    `subject access ${SD}`,
    'subject access person nia.evans@westmoor-hospital.example',
  ];
  for (const typed of byOutsider) {
    const failure = await command(outsider, typed);
    if (failure) failures.push(failure);
  }
  // Nia is part of the discussion, the referral and the difference: another kind of reference, or none, is refused just the same.
  for (const typed of [
    `handover ${REF}`,
    `handover ${PD}`,
    `minutes ${REF}`,
    `minutes ${PD}`,
    `export ${REF}`,
    `record SD-9999`,
    `export SD-9999`,
    `handover Jane-Smith`,
    `minutes Jane-Smith`,
  ]) {
    const failure = await command(nia, typed);
    if (failure) failures.push(failure);
  }
  expect(failures).toEqual([]);
});
