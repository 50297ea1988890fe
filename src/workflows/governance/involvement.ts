/**
 * Whether a person is part of a case, whatever its kind, by the rule each workflow already applies
 * to showing it: the same person who may open a case's record may link it to another.
 */
import { maySeeReferral } from '../../domain/referral';
import { isInvolved } from '../../domain/strategyDiscussion';
import { maySee } from '../../domain/professionalDifference';
import { ReferralRepository } from '../referrals/ports';
import { DiscussionRepository } from '../strategy/ports';
import { DifferenceRepository } from '../differences/ports';
import { TransferRepository } from '../transfer/ports';
import { maySeeTransfer } from '../../domain/transfer';
import { Directory, Person } from '../../domain/directory';

export class CaseInvolvement {
  constructor(
    private readonly stores: {
      referrals: ReferralRepository;
      discussions: DiscussionRepository;
      differences: DifferenceRepository;
      transfers: TransferRepository;
    },
    private readonly directory: Directory,
  ) {}

  async isPartOf(person: Person, reference: string): Promise<boolean> {
    const id = person.aadObjectId;
    const admin = person.roles.includes('partnership-admin');
    const prefix = /^([A-Z]{2,4})-\d{4,9}$/.exec(reference)?.[1];
    switch (prefix) {
      case 'REF': {
        const r = await this.stores.referrals.referral(reference);
        return !!r && maySeeReferral(r, person);
      }
      case 'SI': {
        const si = await this.stores.referrals.incident(reference);
        return !!si && (si.raisedBy === id || admin);
      }
      case 'SD': {
        const d = await this.stores.discussions.get(reference);
        return !!d && isInvolved(d, id);
      }
      case 'PD': {
        const pd = await this.stores.differences.get(reference);
        return !!pd && (maySee(pd, id) || admin);
      }
      case 'TR': {
        const t = await this.stores.transfers.get(reference);
        return !!t && maySeeTransfer(t, person, this.directory);
      }
      default:
        return false;
    }
  }
}
