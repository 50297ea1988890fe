/** What the person who acted on a referral or a serious incident sees next, in domain words. */
import { Person } from '../../domain/directory';
import type { AnswerProblem } from '../../domain/forms';
import type { OpenElsewhere } from '../../domain/openElsewhere';
import { Draft, Referral } from '../../domain/referral';
import { SeriousIncident } from '../../domain/seriousIncident';
import { Said } from '../ports';

export type FormKind = 'referral' | 'incident';

export interface ReferralViewer {
  frontDoor: boolean;
  chair: boolean;
}

export type ReferralView =
  /** "Is a child in immediate danger now?", before anything else. */
  | { kind: 'danger' }
  /** The emergency route: 999 and the duty numbers. */
  | { kind: 'emergency' }
  /** Not in danger, with a draft saved earlier: continue it, or start again (discarding it). */
  | { kind: 'draft-choice'; savedAt: Date }
  /** A draft at its step (or, past the last step, for review), with what is wrong on it. */
  | { kind: 'draft'; form: FormKind; draft: Draft; errors: AnswerProblem[] }
  | { kind: 'referral'; referral: Referral; viewer: ReferralViewer; error?: string }
  /** What the referrer sees once it is sent, however often they press Submit. */
  | Receipt
  | { kind: 'incident'; incident: SeriousIncident; viewer: { admin: boolean } }
  | ConveneOffer
  | Said;

/** A chair offered to convene a strategy discussion with the referral's details filled in, linked to it. */
export type ConveneOffer = {
  kind: 'convene-offer';
  chair: Person;
  referral: string;
  purpose: string;
  referrer: string;
  babyOrUnborn: boolean;
  /** The child is known or open to another local authority: it is a core invitee. */
  openElsewhere?: OpenElsewhere;
};

/**
 * A submitted referral: what happens next. `frontDoorPeople` are named when Concord could not post
 * in the Front Door channel and sent it to each of them; `outOfHours` when it is urgent and the
 * Front Door was closed.
 */
export type Receipt = { kind: 'receipt'; referral: Referral; frontDoorPeople?: string[]; outOfHours: boolean };

export const said = (text: string): Said => ({ kind: 'said', text });
