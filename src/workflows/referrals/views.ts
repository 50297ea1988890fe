/** What the person who acted on a referral or a serious incident sees next, in domain words. */
import { Person } from '../../domain/directory';
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
  /** A draft at its step (or, past the last step, for review), with what is wrong on it. */
  | { kind: 'draft'; form: FormKind; draft: Draft; errors: string[] }
  | { kind: 'referral'; referral: Referral; viewer: ReferralViewer; error?: string }
  | { kind: 'incident'; incident: SeriousIncident; viewer: { admin: boolean } }
  | ConveneOffer
  | Said;

/** A chair offered to convene a strategy discussion with the referral's details filled in, linked to it. */
export type ConveneOffer = { kind: 'convene-offer'; chair: Person; referral: string; purpose: string; referrer: string; babyOrUnborn: boolean };

export const said = (text: string): Said => ({ kind: 'said', text });
