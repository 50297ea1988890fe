/**
 * Cover inside a discussion: the chair hands it to another chair, changes the minute-taker,
 * reassigns an action, or invites someone after convening. Each change is kept on the discussion
 * (who, when, from whom to whom), and whoever handed something over can still read the record.
 */
import type { Directory } from './directory';
import { Invalid } from './refusals';
import { currentVersion, Handover, mustBeChair, StrategyDiscussion } from './strategyDiscussion';

/** What the chair asks to change; anything left as it is is not a change. */
export interface HandoverRequest {
  chair?: string;
  minuteTaker?: string;
  /** Action id -> its new owner. */
  owners: Record<string, string>;
  invite: string[];
}

/** The changes asked for, checked against the discussion and the directory. Nothing to change is a problem to show. */
export function handOver(d: StrategyDiscussion, by: string, req: HandoverRequest, directory: Directory, now: Date): StrategyDiscussion {
  mustBeChair(d, by, 'hand over the discussion, change who takes the minutes, reassign an action or invite someone');
  const at = now.toISOString();
  const problems: string[] = [];
  const changes: Handover[] = [];
  const known = (id: string) => directory.person(id);

  if (req.chair && req.chair !== d.chair) {
    if (!known(req.chair)?.roles.includes('chair')) problems.push('The new chair must be someone with the chair role.');
    else changes.push({ kind: 'chair', at, by, from: d.chair, to: req.chair });
  }
  if (req.minuteTaker && req.minuteTaker !== d.minuteTaker) {
    const p = known(req.minuteTaker);
    if (!p || !(p.roles.includes('minute-taker') || p.roles.includes('chair')))
      problems.push('The new minute-taker must be someone with the minute-taker or chair role.');
    else changes.push({ kind: 'minute-taker', at, by, from: d.minuteTaker, to: req.minuteTaker });
  }
  const v = currentVersion(d);
  for (const [actionId, owner] of Object.entries(req.owners)) {
    const a = v?.outcome.actions.find((x) => x.id === actionId);
    if (!v || !a) problems.push(`There is no action ${actionId} in the current outcome.`);
    else if (!known(owner)) problems.push(`The new owner of action ${actionId} is not in the partnership directory.`);
    else if (owner !== a.ownerAadObjectId) changes.push({ kind: 'action', at, by, from: a.ownerAadObjectId, to: owner, version: v.version, actionId });
  }
  for (const person of new Set(req.invite)) {
    if (!known(person)) problems.push('Someone to invite is not in the partnership directory.');
    else if (d.invitees.some((i) => i.aadObjectId === person) || person === d.chair) problems.push(`${known(person)!.name} is already invited.`);
    else changes.push({ kind: 'invited', at, by, to: person, ...(d.attendance ? { joined: true } : {}) });
  }
  if (problems.length) throw new Invalid(problems);
  if (!changes.length) throw new Invalid(['Nothing was changed: choose a new chair, minute-taker or action owner, or someone to invite.']);

  const after: StrategyDiscussion = {
    ...d,
    chair: changes.find((c) => c.kind === 'chair')?.to ?? d.chair,
    minuteTaker: changes.find((c) => c.kind === 'minute-taker')?.to ?? d.minuteTaker,
    invitees: [
      ...d.invitees,
      ...changes.filter((c) => c.kind === 'invited').map((c) => ({ aadObjectId: c.to, role: 'other' as const, reply: 'awaiting' as const })),
    ],
    handovers: [...(d.handovers ?? []), ...changes],
  };
  return withReassignedActions(after);
}

/** The discussion with each action's owner as last reassigned (the versions themselves stay as recorded). */
export function withReassignedActions(d: StrategyDiscussion): StrategyDiscussion {
  const moves = (d.handovers ?? []).filter((h) => h.kind === 'action');
  if (!moves.length) return d;
  const ownerOf = (version: number, actionId: string, owner: string) =>
    moves.filter((m) => m.version === version && m.actionId === actionId).reduce((_, m) => m.to, owner);
  return {
    ...d,
    versions: d.versions.map((v) => ({
      ...v,
      outcome: { ...v.outcome, actions: v.outcome.actions.map((a) => ({ ...a, ownerAadObjectId: ownerOf(v.version, a.id, a.ownerAadObjectId) })) },
    })),
  };
}

/** The changes of this save: those after the ones the discussion had before. */
export function newHandovers(before: StrategyDiscussion, after: StrategyDiscussion): Handover[] {
  return (after.handovers ?? []).slice((before.handovers ?? []).length);
}
