/**
 * Working towards a resolution at a stage: reading the difference, proposing, asking for and
 * giving information, accepting (only the other side can) and, at the partnership's stage,
 * recording the final outcome. Each step is recorded once, then everyone involved is told.
 */
import {
  accept as acceptDifference,
  askOrAnswer as askOrAnswerDifference,
  finalOutcome as finalOutcomeDifference,
  propose as proposeDifference,
} from '../../domain/professionalDifference';
import type { Actor } from '../actor';
import type { DifferencePorts } from './ports';
import { change, load, refusedOrView, tellEveryone } from './steps';
import { differenceView, DifferenceView } from './views';
import { writeBack } from './writeBack';

interface StageCommand {
  actor: Actor;
  reference: string;
  /** The stage the card was for: a card for an earlier stage is refused. */
  stage: number;
}

export async function view(ports: DifferencePorts, cmd: { actor: Actor; reference: string }): Promise<DifferenceView> {
  return differenceView(await load(ports, cmd.actor, cmd.reference));
}

export async function propose(ports: DifferencePorts, cmd: StageCommand & { text: string }): Promise<DifferenceView> {
  const me = cmd.actor.person.aadObjectId;
  const r = await change(ports, cmd.actor, cmd.reference, (pd) => proposeDifference(pd, me, cmd.stage, cmd.text, ports.now()), 'difference.proposed');
  if (refusedOrView(r)) return r;
  if (r.changed) await tellEveryone(ports, `proposal|${r.after.log.length}`, { kind: 'pd.proposed', difference: r.after }, me);
  return differenceView(r.after);
}

/** A resolution takes effect only when the other side accepts the same proposal. */
export async function accept(ports: DifferencePorts, cmd: StageCommand & { proposalAt: string }): Promise<DifferenceView> {
  const me = cmd.actor.person.aadObjectId;
  const r = await change(
    ports,
    cmd.actor,
    cmd.reference,
    (pd) => (pd.state === 'open' ? acceptDifference(pd, me, cmd.stage, cmd.proposalAt, ports.now()) : pd),
    'difference.resolved',
  );
  if (refusedOrView(r)) return r;
  if (r.changed) await tellEveryone(ports, 'resolved', { kind: 'pd.resolved', difference: r.after }, me);
  if (r.changed) await writeBack(ports, r.after);
  return differenceView(r.after);
}

export async function askOrAnswer(ports: DifferencePorts, cmd: StageCommand & { what: 'asked' | 'answered'; text: string }): Promise<DifferenceView> {
  const me = cmd.actor.person.aadObjectId;
  const audit = cmd.what === 'asked' ? 'difference.information-asked' : 'difference.information-given';
  const r = await change(ports, cmd.actor, cmd.reference, (pd) => askOrAnswerDifference(pd, me, cmd.stage, cmd.what, cmd.text, ports.now()), audit);
  if (refusedOrView(r)) return r;
  if (r.changed) await tellEveryone(ports, `info|${r.after.log.length}`, { kind: 'pd.information', difference: r.after, by: me, what: cmd.what }, me);
  return differenceView(r.after);
}

export async function finalOutcome(ports: DifferencePorts, cmd: StageCommand & { text: string }): Promise<DifferenceView> {
  const me = cmd.actor.person.aadObjectId;
  const r = await change(
    ports,
    cmd.actor,
    cmd.reference,
    (pd) => (pd.state === 'open' ? finalOutcomeDifference(pd, me, cmd.stage, cmd.text, ports.now()) : pd),
    'difference.closed',
  );
  if (refusedOrView(r)) return r;
  if (r.changed) await tellEveryone(ports, 'closed', { kind: 'pd.closed', difference: r.after }, me);
  if (r.changed) await writeBack(ports, r.after);
  return differenceView(r.after);
}
