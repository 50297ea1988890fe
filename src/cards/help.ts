import { Directory, Person, Role } from '../domain/directory';
import { renderCard } from './render';
import template from './templates/help';

interface Ability {
  text: string;
  button?: { title: string; verb: string };
}

/** Roles as people say them, not as the directory file spells them. */
const ROLE_WORDS: Record<Role, string> = {
  chair: 'strategy discussion chair',
  'minute-taker': 'minute-taker',
  'front-door': 'Front Door',
  manager: 'manager',
  'senior-manager': 'senior manager',
  'partnership-admin': 'partnership administrator',
  'partnership-viewer': 'partnership figures viewer',
};

/** "chair, Front Door and manager". */
function inWords(roles: Role[]): string {
  const words = roles.map((r) => ROLE_WORDS[r]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words.join('');
}

/** What each role may do, in the words a practitioner would use. Only workflows that exist. */
function abilities(person: Person, socialCare: boolean): Ability[] {
  const list: Ability[] = [
    {
      text: 'See what is waiting for you, with deadlines, and open each case ("mine").',
      button: { title: 'What is waiting for me', verb: 'mine' },
    },
    {
      text: 'Refer a worry about a child to the Front Door ("refer"), a few questions at a time; you are told what they decide.',
      button: { title: 'Refer a concern about a child', verb: 'ref.start' },
    },
  ];
  if (person.roles.includes('chair')) {
    list.push({
      text: 'Convene a strategy discussion, record its outcome and see who has acknowledged it ("strategy"); hand it to another chair, change the minute-taker, give an action to someone else or invite someone ("handover SD-0001").',
      button: { title: 'Convene a strategy discussion', verb: 'sd.convene.open' },
    });
  }
  if (socialCare) {
    list.push({
      text: 'Transfer a case to another local authority ("transfer"): your authority stays responsible until they accept and the agreed date arrives.',
      button: { title: 'Transfer a case to another authority', verb: 'tr.start.open' },
    });
  }
  list.push({ text: 'Answer invitations and acknowledge strategy discussion outcomes sent to you in this chat.' });
  list.push({
    text: 'Raise a professional difference about a decision for a child ("escalate"); it moves up to managers if it is not resolved.',
    button: { title: 'Raise a professional difference', verb: 'pd.raise.open' },
  });
  list.push({ text: 'See the record of a discussion you are involved in ("record SD-0001"), or export it ("export SD-0001").' });
  if (person.roles.includes('manager') || person.roles.includes('senior-manager')) {
    list.push({ text: 'You are told here when people you manage have not answered in time, and asked to act on professional differences that reach you.' });
  }
  if (person.roles.includes('front-door')) {
    list.push({ text: 'Decide referrals sent to the Front Door channel within one working day, with a rationale.' });
  }
  list.push({ text: 'Report a serious incident (a child has died or been seriously harmed) to the partnership ("serious incident").' });
  list.push({
    text: 'Going on leave? Say who covers ("away until 2026-12-04 cover" and their name or email): what Concord would send you goes to them meanwhile. Say "back" when you return.',
  });
  if (person.roles.includes('manager') || person.roles.includes('senior-manager')) {
    list.push({
      text: 'Say that someone in your agency is away, and who covers ("away for" and their name, then "until 2026-12-04 cover" and the name of who covers).',
    });
  }
  if (person.roles.includes('partnership-admin')) {
    list.push({ text: 'See every professional difference ("differences", or "differences csv") and the minutes measure ("minutes report 2026-11").' });
    list.push({
      text: 'You are told here when Concord stops trying a scheduled step; see those steps ("jobs") and run one again once the cause is fixed ("retry job 3fa9c2").',
    });
    list.push({ text: 'See case transfers between local authorities by month ("transfers", or "transfers csv").' });
    list.push({ text: 'Check that the audit trail is exactly as Concord recorded it: nothing changed, deleted or reordered ("verify audit").' });
  }
  return list;
}

export function helpCard(directory: Directory, person: Person): Record<string, unknown> {
  const list = abilities(person, directory.agencyOf(person).type === 'social-care');
  const admins = directory
    .administrators()
    .map((a) => `${a.name} (${a.email})`)
    .join(', ');
  return renderCard(template, {
    name: person.name,
    agency: directory.agencyOf(person).name,
    rolesLine: person.roles.length ? `You are: ${inWords(person.roles)}.` : 'You take part in discussions you are invited to.',
    abilities: list.map((a) => ({ text: a.text })),
    buttons: list.flatMap((a) => (a.button ? [a.button] : [])),
    adminLine: admins ? `Concord for ${directory.partnership.name} is administered by ${admins}.` : '',
  });
}
