import * as cards from './cards';
import { TeamsUser } from './teams';
import { World } from './world';

/** The people of a typical discussion about a baby in the sample partnership. */
export const CHAIR = 'Sam Okafor';
export const ATTENDEES = ['Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn'];

export const CONVENE_ANSWERS: Record<string, cards.Answer> = {
  'What the discussion is about': 'Injuries to a 10-week-old baby seen on the neonatal unit',
  Date: '2026-11-23',
  Time: '09:00',
  'Minute-taker': 'Dee Walsh',
  'Baby or unborn child': true,
  'Children’s social care': ['Jordan Reid'],
  Police: ['Alex Carter'],
  'Health (hospital or community)': ['Nia Evans'],
  'GP for the child': ['Helen Grant'],
  'If nobody is invited as GP for each parent or carer, why not': 'Both parents are registered with Riverside Medical Practice: Dr Grant covers them.',
  'Health visitor or midwife (for a baby or unborn child)': ['Lucy Park'],
  'If nobody is invited as School or nursery, why not': 'The baby is not at a nursery.',
  'The referrer': 'Nia Evans',
  'Others invited': ['Chris Dunn'],
};

export const OUTCOME_ANSWERS: Record<string, cards.Answer> = {
  'Reasonable cause to suspect significant harm (s47 threshold)': 'Met: reasonable cause to suspect the child is likely to suffer significant harm',
  'Rationale for the threshold decision': 'Unexplained injuries in a non-mobile baby; partner with domestic abuse history.',
  Decision: 'Section 47 enquiry, joint with police',
  'Action 1': 'Joint home visit and interview with both parents',
  'Action 1 owner': 'Jordan Reid',
  'Action 1 due date': '2026-11-25',
  'What each agency contributes': 'Police checks on the partner; hospital keeps the baby until the visit; GP shares parents’ records.',
  'Is the outcome shared with the family?': 'No',
  'What is shared, when and by whom, or why not': 'Sharing now could put the baby at risk before the joint visit.',
};

/** What the flows need of a world: people, and its clock (a Concord in another process has one too). */
export type People = Pick<World, 'user' | 'install' | 'clock'>;

export interface Convened {
  reference: string;
  chair: TeamsUser;
  attendees: TeamsUser[];
}

/** Convene, mark everyone attended and record the outcome: the path most tests start from. */
export async function discussionWithOutcome(
  world: People,
  attendeeNames = ATTENDEES,
  outcome = OUTCOME_ANSWERS,
  attendance: Record<string, string> = {},
  options: { invitationsDelivered?: boolean } = {},
): Promise<Convened & { card: any; recordedInMs: number; recordedAt: number; attendanceInMs: number }> {
  const chair = world.user(CHAIR);
  await chair.install();
  const attendees = await world.install(...attendeeNames);
  const [formMessage] = await chair.say('strategy');
  const answers = { ...conveneAnswersFor(attendeeNames), Date: world.clock.now().toISOString().slice(0, 10) };
  const convened = await chair.click(formMessage.attachments[0].content, 'Convene and send invitations', answers);
  const reference = /^(SD-\d+)/.exec(cards.text(convened.card))?.[1];
  if (!reference) throw new Error(`not convened: ${convened.said}`);
  // As in a real discussion, everyone has their invitation before the chair records attendance.
  if (options.invitationsDelivered)
    await Promise.all(attendees.map((a) => a.waitForMessage((m) => m.summary?.startsWith(`${reference}:`), `${a.who.name}'s invitation`)));
  const attendanceFor = attendance;
  const attendanceCard = await chair.click(convened.card, 'Record attendance');
  const attendedAll = Object.fromEntries(cards.inputs(attendanceCard.card).map((i) => [i.label, attendanceFor[i.label] ?? 'Attended']));
  const attendanceClicked = Date.now();
  const form = await chair.click(attendanceCard.card, 'Save attendance', attendedAll);
  const attendanceInMs = Date.now() - attendanceClicked;
  const clicked = Date.now();
  const tally = await chair.click(form.card, 'Record the outcome and ask attendees to acknowledge', outcome);
  const recordedInMs = Date.now() - clicked;
  const recordedAt = clicked;
  if (!cards.text(tally.card).includes('acknowledgements of the outcome')) throw new Error(`outcome not recorded: ${tally.said}`);
  return { reference, chair, attendees, card: tally.card, recordedInMs, recordedAt, attendanceInMs };
}

/** The convene answers, with any extra people invited as "others". */
function conveneAnswersFor(names: string[]): Record<string, cards.Answer> {
  const core = new Set(
    Object.values(CONVENE_ANSWERS)
      .flat()
      .filter((v) => typeof v === 'string'),
  );
  const others = names.filter((n) => !core.has(n));
  return { ...CONVENE_ANSWERS, 'Others invited': [...(CONVENE_ANSWERS['Others invited'] as string[]), ...others.filter((n) => n !== 'Chris Dunn')] };
}

/** The acknowledgement card Concord sent this person for a version. */
export async function ackCard(world: People, person: TeamsUser, reference: string, version = 1): Promise<any> {
  const msg = await person.waitForMessage(
    (a) => a.attachments?.[0]?.content?.actions?.some((x: any) => x.verb === 'sd.ack' && x.data?.ref === reference && x.data?.version === version),
    `the acknowledgement card for ${reference} v${version}`,
  );
  return msg.attachments[0].content;
}
