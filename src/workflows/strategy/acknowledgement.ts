/** Each attendee acknowledges the outcome; the chair follows the tally. */
import { acknowledge } from '../../domain/acknowledgement';
import { Invalid, Refused } from '../../domain/refusals';
import { ANSWERS, attendees, currentVersion, mustBeChair } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { StrategyUseCase } from './useCase';
import { StrategyView } from './views';
import { chairCardKey } from './notices';

export class Acknowledgements extends StrategyUseCase {
  /**
   * The hot path: up to fifty people answer within seconds of the outcome arriving, and Teams
   * gives up after about five. A shared recent read of the discussion, then two writes: the
   * answer (already answered: the first answer stands) and its audit event. The chair's tally
   * is brought up to date soon after, not on every answer.
   * Reminders are not cancelled here: each checks for an answer before it says anything.
   */
  async acknowledge(actor: Actor, reference: string, version: number, answer: string, note: string): Promise<StrategyView> {
    const { discussions } = this.ports;
    const d = await this.load(actor, reference, true);
    const me = actor.person.aadObjectId;
    let ack;
    try {
      ack = acknowledge(d, me, version, answer, note ?? '', this.now());
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const v = d.versions.find((x) => x.version === version)!;
      const already = await discussions.acknowledgement(reference, version, me);
      return { kind: 'acknowledgement', discussion: d, version: v, ack: already, error: already ? undefined : e.problems.join(' ') };
    }
    const v = currentVersion(d)!;
    if (!(await discussions.addAcknowledgement(reference, ack))) {
      // A second click, or Teams delivering the same action twice: show what was recorded.
      return { kind: 'acknowledgement', discussion: d, version: v, ack: await discussions.acknowledgement(reference, version, me) };
    }
    await this.note(actor, reference, 'acknowledged', `version ${version}: ${ANSWERS[ack.answer]}`);
    this.ports.chairCards.soon(reference);
    if (ack.answer === 'different') {
      await this.tell.tell([
        { kind: 'sd.different', key: `${reference}|different|v${version}|${me}`, about: reference, to: { person: d.chair }, person: me, note: ack.note ?? '' },
      ]);
    }
    return { kind: 'acknowledgement', discussion: d, version: v, ack };
  }

  async viewAcknowledgement(actor: Actor, reference: string, version: number): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    const me = actor.person.aadObjectId;
    const v = d.versions.find((x) => x.version === version);
    if (!v) throw new Refused('old-version', `${reference} has no outcome version ${version}.`);
    if (!attendees(d).includes(me) && d.chair !== me) throw new Refused('not-attendee', `Only the people who attended ${reference} acknowledge its outcome.`);
    return { kind: 'acknowledgement', discussion: d, version: v, ack: await this.ports.discussions.acknowledgement(reference, version, me) };
  }

  async viewTally(actor: Actor, reference: string): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, 'see the tally of acknowledgements');
    if (!currentVersion(d)) return { kind: 'convened', discussion: d };
    return { kind: 'tally', discussion: d, acks: await this.ports.discussions.acknowledgements(reference) };
  }

  /** Replaces the chair's card with the discussion as it now stands: the replies, or the current version's tally. */
  async refreshChairCard(reference: string): Promise<void> {
    const d = await this.ports.discussions.get(reference);
    if (!d) return;
    const acks = currentVersion(d) ? await this.ports.discussions.acknowledgements(reference) : [];
    await this.tell.replace({ kind: 'sd.chair-card', key: chairCardKey(reference, d.chair), about: reference, to: { person: d.chair }, discussion: d, acks });
  }
}
