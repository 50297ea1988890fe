/**
 * Raising a professional difference: the form (blank, or filled in from a different understanding
 * or a declined correction), then the raise itself: one difference per form, however often it is
 * submitted, started at the first stage, or at the senior managers' for a child at immediate risk.
 */
import { randomUUID } from 'node:crypto';
import { raise as raiseDifference, RaiseRequest } from '../../domain/professionalDifference';
import { ANSWERS, DECISIONS } from '../../domain/strategyDiscussion';
import { Invalid } from '../../domain/refusals';
import { isCaseReference } from '../../domain/caseReference';
import type { Actor } from '../actor';
import type { DifferencePorts } from './ports';
import { declinedCorrection, differentUnderstanding, originOf, recordOrigin } from './origin';
import { startStage } from './stages';
import { differenceView, DifferenceView } from './views';
import type { RaiseForm } from './forms';

export function raiseForm(values: RaiseForm = {}, origin = ''): DifferenceView {
  return { kind: 'pd.raise-form', values, errors: [], origin };
}

/** One click from a different understanding of a strategy discussion outcome, details filled in. */
export async function raiseFromOutcome(ports: DifferencePorts, cmd: { actor: Actor; reference: string; version: number }): Promise<DifferenceView> {
  const { reference, version } = cmd;
  const { d, v, ack } = await differentUnderstanding(ports, cmd.actor, reference, version);
  return raiseForm(
    {
      caseReference: reference,
      decision: `The outcome of strategy discussion ${reference}, version ${version}: ${DECISIONS[v.outcome.decision]}`,
      reasons: `${ANSWERS.different}: ${ack.note ?? ''}`,
      outcomeSought: '',
      responding: d.chair,
    },
    `strategy-outcome|${reference}|${version}`,
  );
}

/** One click from a declined correction to the minutes. */
export async function raiseFromCorrection(ports: DifferencePorts, cmd: { actor: Actor; reference: string; correctionId: string }): Promise<DifferenceView> {
  const { d, c } = await declinedCorrection(ports, cmd.actor, cmd.reference, cmd.correctionId);
  return raiseForm(
    {
      caseReference: cmd.reference,
      decision: `The minutes of ${cmd.reference}: correction ${c.id} declined (${c.decision?.reason ?? ''})`,
      reasons: `The minutes say “${c.wrong}”; they should say “${c.shouldSay}”.`,
      outcomeSought: 'The minutes corrected',
      responding: d.chair,
    },
    `minutes-correction|${cmd.reference}|${c.id}`,
  );
}

export async function raise(ports: DifferencePorts, cmd: { actor: Actor; form: RaiseForm }): Promise<DifferenceView> {
  const { actor, form } = cmd;
  const { directory, calendar, now } = ports;
  const origin = await originOf(ports, actor, form.origin ?? '');
  const request: RaiseRequest = {
    caseReference: form.caseReference ?? '',
    decision: form.decision ?? '',
    reasons: form.reasons ?? '',
    outcomeSought: form.outcomeSought ?? '',
    responding: form.responding ?? '',
    immediateRisk: form.immediateRisk === 'true',
    origin,
  };
  try {
    raiseDifference(request, 'PD-0000', actor.person, directory, calendar, now());
  } catch (e) {
    if (e instanceof Invalid) return { kind: 'pd.raise-form', values: form, errors: e.problems, origin: form.origin ?? '' };
    throw e;
  }
  const { reference, first } = await ports.references.forForm('PD', form.formId || randomUUID());
  if (!first) {
    const existing = await ports.differences.get(reference);
    if (existing) return differenceView(existing);
    // The reference was reserved but the difference never stored (a failure in between): this click
    // finishes raising it under the same reference, rather than calling it submitted.
  }
  const pd = raiseDifference(request, reference, actor.person, directory, calendar, now());
  try {
    await ports.differences.create(pd);
  } catch (e) {
    // A second click racing the first: the difference the first one stored is the answer.
    const stored = await ports.differences.get(reference);
    if (stored) return differenceView(stored);
    throw e;
  }
  const stage = pd.stages[0].stage;
  // The case reference is typed: named in the audit only when it is one of Concord's.
  const about = isCaseReference(pd.caseReference) ? pd.caseReference : 'a case reference not in Concord’s format';
  await ports.notes.note(actor, pd.reference, 'difference.raised', `about ${about}${pd.immediateRisk ? `; immediate risk: stage ${stage}` : ''}`);
  await recordOrigin(ports, pd);
  // One child, one thread: a difference raised from a discussion is on its thread (the origin is checked above).
  if (pd.origin) await ports.threads.link(pd.origin.reference, pd.reference, 'started-from');
  await startStage(ports, pd, pd.immediateRisk ? 'raised because the child is at immediate risk' : 'raised', actor.person.aadObjectId);
  return { kind: 'pd.raised', difference: pd };
}
