/**
 * Cover inside a discussion: the chair hands it to another chair, changes the minute-taker,
 * reassigns an action or invites someone after convening. Everyone handed something is told; the
 * scheduled chasers read who does what when they run, so they follow the change by themselves.
 */
import { handOver, HandoverRequest, newHandovers } from '../../domain/handover';
import { Invalid } from '../../domain/refusals';
import { currentVersion, mustBeChair, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { Notice } from '../notices';
import { askNewcomer } from './requests';
import { actionCardKeys, chairCardKey, handedKey } from './notices';
import { StrategyUseCase } from './useCase';
import { StrategyView } from './views';

export class Handovers extends StrategyUseCase {
  async handoverForm(actor: Actor, reference: string): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, 'hand over the discussion, change who takes the minutes, reassign an action or invite someone');
    return { kind: 'handover-form', discussion: d };
  }

  async handOver(actor: Actor, reference: string, request: HandoverRequest): Promise<StrategyView> {
    const before = await this.load(actor, reference);
    let after: StrategyDiscussion;
    try {
      after = await this.ports.discussions.update(reference, (cur) => handOver(cur, actor.person.aadObjectId, request, this.ports.directory, this.now()));
    } catch (e) {
      if (e instanceof Invalid) return { kind: 'handover-form', discussion: before, errors: e.problems };
      throw e;
    }
    const changes = newHandovers(before, after);
    await this.note(actor, reference, 'handed-over', changes.map((h) => (h.actionId ? `${h.kind} ${h.actionId}` : h.kind)).join(', '));
    // Someone joining a discussion whose outcome is recorded is asked to acknowledge it, not to attend.
    const joinsOutcome = (h: (typeof changes)[number]) => h.kind === 'invited' && h.joined && after.versions.length > 0;
    // The new chair is sent the chair's live card (replies or tally): the answers from now on update it.
    const newChair = changes.find((h) => h.kind === 'chair');
    const chairCard: Notice | undefined = newChair && {
      kind: 'sd.chair-card',
      key: chairCardKey(reference, newChair.to),
      about: reference,
      to: { person: newChair.to },
      reportTo: [actor.person.aadObjectId],
      discussion: after,
      acks: currentVersion(after) ? await this.ports.discussions.acknowledgements(reference) : [],
      handedBy: newChair.by,
    };
    // Handed back to someone who chaired it before: their old card is live again, updated in place.
    const chairCardAgain = chairCard ? await this.tell.replace(chairCard) : false;
    const notices: Notice[] = changes
      .filter((h) => !joinsOutcome(h) && h.kind !== 'chair')
      .map((h) =>
        h.kind === 'invited'
          ? {
              kind: 'sd.invitation',
              key: `${reference}|invitation|${h.to}`,
              about: reference,
              to: { person: h.to },
              reportTo: [after.chair],
              discussion: after,
              invitee: h.to,
            }
          : {
              kind: 'sd.handed',
              key: handedKey(reference, h),
              about: reference,
              to: { person: h.to },
              reportTo: [actor.person.aadObjectId],
              discussion: after,
              handover: h,
            },
      );
    await this.tell.tell(chairCard && !chairCardAgain ? [chairCard, ...notices] : notices);
    // The chair who handed it over keeps no live card of it: theirs says who chairs it now.
    if (changes.some((h) => h.kind === 'chair')) {
      const me = actor.person.aadObjectId;
      await this.tell.replace({ kind: 'sd.chair-handed', key: chairCardKey(reference, me), about: reference, to: { person: me }, discussion: after });
    }
    // Whoever held an action's card before (its reminder, an earlier "now yours") is told whose it is now.
    await Promise.all(
      changes
        .filter((h) => h.kind === 'action')
        .flatMap((h) =>
          actionCardKeys(before, h.actionId!).map((key) =>
            this.tell.replace({ kind: 'sd.action-handed-on', key, about: reference, to: { person: h.from! }, discussion: after, actionId: h.actionId! }),
          ),
        ),
    );
    for (const h of changes.filter(joinsOutcome)) await askNewcomer(this.ports, after, h.to);
    const { directory } = this.ports;
    const name = (id: string) => directory.person(id)?.name ?? 'someone';
    const said = changes.map((h) =>
      h.kind === 'chair'
        ? `${name(h.to)} now chairs it.`
        : h.kind === 'minute-taker'
          ? `${name(h.to)} now takes the minutes.`
          : h.kind === 'action'
            ? `Action ${h.actionId} is now ${name(h.to)}’s.`
            : `${name(h.to)} is invited${h.joined ? ' and asked to acknowledge the outcome' : ''}.`,
    );
    return { kind: 'said', text: `${reference}: ${said.join(' ')} Each of them is told.` };
  }
}
