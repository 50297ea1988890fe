import { Person } from '../domain/directory';

/** The person acting, resolved from the directory by Entra object id, with where they acted from. */
export interface Actor {
  person: Person;
  tenantId: string;
  activityId: string;
  /** Teams user id (29:...), needed to target a card's automatic refresh at this person. */
  userId: string;
  /**
   * The case this turn has recorded a step on, once it has: if a later part of the turn fails
   * (telling people, setting chasers), the person is told their step is on the record, not that
   * nothing was recorded.
   */
  recorded?: string;
}
