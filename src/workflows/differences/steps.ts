/**
 * What every step on a difference shares: loading it only for someone involved, and applying a
 * change under the etag so that a repeated click records, audits and tells nothing twice.
 */
import { currentStage, maySee, ProfessionalDifference } from '../../domain/professionalDifference';
import { Invalid, Refused } from '../../domain/refusals';
import type { Actor } from '../actor';
import type { Notice } from '../notices';
import type { DifferenceNoticeKinds } from './notices';
import type { DifferencePorts } from './ports';
import { differenceView, DifferenceView } from './views';
import { chaseEach } from '../cover';

/** The difference, for someone involved in it or a partnership admin; anyone else learns nothing of it. */
export async function load(ports: DifferencePorts, actor: Actor, reference: string): Promise<ProfessionalDifference> {
  const pd = /^PD-\d{4,}$/.test(reference) ? await ports.differences.get(reference) : undefined;
  const admin = actor.person.roles.includes('partnership-admin');
  if (!pd || (!admin && !maySee(pd, actor.person.aadObjectId))) {
    throw new Refused('not-involved', `You are not involved in ${reference}, so Concord cannot show or change it.`);
  }
  return pd;
}

export type Changed = { before: ProfessionalDifference; after: ProfessionalDifference; changed: boolean };

/**
 * Applies a step under the etag. `changed` is what the write that succeeded did, so a repeated
 * click (which changes nothing) is neither audited nor announced twice. Problems with what the
 * person typed come back on their own card.
 */
export async function change(
  ports: DifferencePorts,
  actor: Actor,
  reference: string,
  apply: (pd: ProfessionalDifference) => ProfessionalDifference,
  audit: string,
): Promise<Changed | DifferenceView> {
  const before = await load(ports, actor, reference);
  try {
    const { pd: after, changed } = await ports.differences.apply(reference, apply);
    if (changed) await ports.notes.note(actor, reference, audit, `stage ${currentStage(before).stage}`);
    return { before, after, changed };
  } catch (e) {
    if (e instanceof Invalid) return differenceView(before, { error: e.problems.join(' ') });
    throw e;
  }
}

export const refusedOrView = (r: Changed | DifferenceView): r is DifferenceView => 'kind' in r;

type About = { [K in keyof DifferenceNoticeKinds]: { kind: K } & DifferenceNoticeKinds[K] }[keyof DifferenceNoticeKinds];

/** One person is told; whoever raised the difference hears if they cannot be reached. */
export function noticeTo(person: string, key: string, about: About): Notice {
  const pd = about.difference;
  return { key: `${pd.reference}|${key}|${person}`, about: pd.reference, to: { person }, reportTo: [pd.raisedBy], ...about };
}

/**
 * Both parties and everyone at the current stage hear of a change (bar the person who made it);
 * whoever is away, through their cover (workflows/cover.ts).
 * Each one's new card is then their live one: the cards they were sent before point to it.
 */
export async function tellEveryone(ports: DifferencePorts, key: string, about: About, except?: string): Promise<void> {
  const pd = about.difference;
  const people = [...new Set([pd.raisedBy, pd.responding, ...currentStage(pd).participants.map((p) => p.aadObjectId)])].filter((p) => p !== except);
  await tellNewest(
    ports,
    pd,
    chaseEach(ports, people).map((r): Notice => ({ ...noticeTo(r.for, key, about), to: r.to, cover: r.cover })),
  );
}

/** Each notice's card becomes its reader's live one: the cards they were sent before about the difference point to it. */
export async function tellNewest(ports: DifferencePorts, pd: ProfessionalDifference, notices: Notice[]): Promise<void> {
  await ports.tell.tell(notices);
  await Promise.all(notices.map((n) => ports.tell.replaceEarlier({ ...n, kind: 'pd.superseded', difference: pd })));
}
