/** What the person who acted on a professional difference sees next, in the domain's words. */
import type { ProfessionalDifference } from '../../domain/professionalDifference';
import type { Said } from '../ports';
import type { RaiseForm } from './forms';

export type DifferenceView =
  /** The raise form, with what they typed, the problems with it, and where it was opened from. */
  | { kind: 'pd.raise-form'; values: RaiseForm; errors: string[]; origin: string }
  /** Their own view of the difference now: what they can do, if anything. */
  | { kind: 'pd.difference'; difference: ProfessionalDifference; error?: string }
  /** Just raised by them: with the emergency route when the child is at immediate risk. */
  | { kind: 'pd.raised'; difference: ProfessionalDifference }
  | Said;

export const differenceView = (difference: ProfessionalDifference, options: { error?: string } = {}): DifferenceView => ({
  kind: 'pd.difference',
  difference,
  ...options,
});
