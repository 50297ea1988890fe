/**
 * Cards for professional differences. The stage card is read on a phone by a manager between
 * meetings: one column, short lines, the buttons at the bottom (Teams stacks them full-width).
 */
import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '../domain/calendar';
import { Directory, Person } from '../domain/directory';
import { currentStage, ladderOf, mayAnswer, openQuestion, participant, ProfessionalDifference } from '../domain/professionalDifference';
import { managersDecide, stageOf } from '../domain/escalationLadder';
import { stepLine } from '../domain/differenceSteps';
import { renderCard } from './render';
import { inputsOf } from '../domain/limits';
import raiseTemplate from './templates/difference/raise';
import stageTemplate from './templates/difference/stage';
import logTemplate from './templates/difference/log';
import { DifferenceLogPage } from '../workflows/differences/log';
import supersededTemplate from './templates/superseded';
import { RaiseField, RaiseForm } from '../workflows/differences/forms';

type Card = Record<string, unknown>;

export class DifferenceCards {
  constructor(
    private readonly directory: Directory,
    private readonly calendar: WorkingCalendar,
  ) {}

  raiseForm(actor: Person, values: RaiseForm = {}, errors: string[] = [], origin = ''): Card {
    const v = (k: RaiseField) => values[k] ?? '';
    return renderCard(raiseTemplate, {
      // One id per filled-in form, kept when the form comes back with errors: submitted twice, it is one difference.
      formId: values.formId || randomUUID(),
      errors: errors.join(' '),
      f: inputsOf('caseReference', 'differenceDecision', 'differenceReasons', 'outcomeSought'),
      origin,
      values: {
        caseReference: v('caseReference'),
        decision: v('decision'),
        reasons: v('reasons'),
        outcomeSought: v('outcomeSought'),
        responding: v('responding'),
        immediateRisk: v('immediateRisk') || 'false',
      },
      people: this.directory.data.people
        .filter((p) => p.aadObjectId !== actor.aadObjectId)
        .map((p) => ({ title: `${p.name}, ${p.jobTitle}, ${this.directory.agencyOf(p).name}`, value: p.aadObjectId })),
    });
  }

  /** The first line of a card that is no longer the current one. */
  supersededHeadline(pd: ProfessionalDifference): string {
    return pd.state === 'open' ? `${pd.reference}: now at stage ${currentStage(pd).stage}` : `${pd.reference}: ${pd.state}`;
  }

  /** An earlier card, pointing to the current one: nothing left to click on it. */
  superseded(pd: ProfessionalDifference): Card {
    return renderCard(supersededTemplate, {
      headline: this.supersededHeadline(pd),
      line: `This card is out of date: the current one is further down this chat, or type “record ${pd.reference}” to see the difference as it is now.`,
    });
  }

  /** One person's view of the difference now: what they can do, if anything. */
  stage(pd: ProfessionalDifference, viewer: { aadObjectId: string; userId?: string }, now: Date, options: { headline?: string; error?: string } = {}): Card {
    const cur = currentStage(pd);
    const ladder = ladderOf(this.directory);
    const spec = stageOf(ladder, cur.stage);
    const me = participant(pd, viewer.aadObjectId);
    const open = pd.state === 'open';
    const canAct = open && !!me;
    // Asked at this stage, someone from an earlier one (a practitioner) can answer from their card.
    const canAnswer = mayAnswer(pd, viewer.aadObjectId);
    const question = openQuestion(pd);
    const proposal = pd.proposal;
    const last = cur.stage >= ladder.length;
    const canAccept = canAct && !!proposal && (!me.side || me.side !== proposal.side);
    return renderCard(stageTemplate, {
      reference: pd.reference,
      userIds: viewer.userId ? [viewer.userId] : [],
      stage: cur.stage,
      headline: options.headline ?? (canAct ? `${pd.reference}: stage ${cur.stage} needs you` : `${pd.reference}: professional difference`),
      stageLine: `Stage ${cur.stage} of ${ladder.length}: ${spec.name}. Taking part: ${cur.participants.map((p) => this.directory.nameWithAgency(p.aadObjectId)).join('; ') || 'nobody found in the directory'}.`,
      due: open ? `Resolve or escalate ${this.calendar.phrase(new Date(cur.dueAt), now)}. If neither, it moves up by itself.` : '',
      outcome: pd.resolution
        ? `${pd.state === 'resolved' ? 'Resolved' : 'Closed'} ${this.calendar.describe(new Date(pd.resolution.at))}: ${pd.resolution.text}`
        : '',
      caseReference: pd.caseReference,
      decision: pd.decision,
      raisedBy: this.directory.nameWithAgency(pd.raisedBy),
      responding: this.directory.nameWithAgency(pd.responding),
      reasons: pd.reasons,
      outcomeSought: pd.outcomeSought,
      proposal: proposal
        ? `Proposed by ${this.directory.nameWithAgency(proposal.by)}: “${proposal.text}”${canAccept ? '' : proposal.by === viewer.aadObjectId ? ' (waiting for the other side)' : ''}`
        : '',
      proposalAt: proposal?.at ?? '',
      history: pd.log.slice(-8).map((e) => stepLine(e, this.directory, this.calendar)),
      error: options.error ?? '',
      f: inputsOf('stageText'),
      note: !open
        ? ''
        : me
          ? ''
          : canAnswer && question
            ? `${this.directory.nameWithAgency(question.by)} asks for information: “${question.text ?? ''}”. You can answer below.`
            : 'You can follow this difference; the people at the current stage act on it.',
      canAct,
      canAnswer,
      canAccept,
      canPropose: canAct && !!me?.side,
      canEscalate: canAct && !last,
      escalateTitle: managersDecide(spec) ? `Approve escalation to stage ${cur.stage + 1}` : `Escalate to stage ${cur.stage + 1}`,
      canClose: canAct && !me?.side,
    });
  }

  /** A page of the partnership's log, under counts of the whole log. */
  log(log: DifferenceLogPage): Card {
    return renderCard(logTemplate, {
      summary: `Professional differences: ${log.raised} raised, ${log.open} open, ${log.resolved} resolved, ${log.closed} closed.`,
      pageLine: `Newest first: page ${log.page} of ${log.pages}.`,
      rows: log.rows.map(
        (r) => `${r.reference} (${r.case}): ${r.raisedByAgency} and ${r.respondingAgency}; ${r.state} at stage ${r.stage}; days per stage ${r.stageDays}`,
      ),
      hasNewer: log.page > 1,
      newer: log.page - 1,
      hasOlder: log.page < log.pages,
      older: log.page + 1,
    });
  }
}
