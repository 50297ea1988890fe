/**
 * A serious incident (a child has died or been seriously harmed, abuse or neglect known or
 * suspected): the local authority notifies the National Panel within 5 working days, and the rapid
 * review completes within 15 working days of that notification. Both clocks are tracked.
 */
import { Answers } from './forms';
import { Invalid, Refused } from './refusals';
import { Person } from './directory';

export const PANEL_WORKING_DAYS = 5;
export const RAPID_REVIEW_WORKING_DAYS = 15;

export interface SeriousIncident {
  reference: string;
  raisedBy: string;
  answers: Answers;
  raisedAt: string;
  panelDueAt: string;
  panelNotifiedAt?: string;
  rapidReviewDueAt?: string;
  rapidReviewCompletedAt?: string;
  log: { at: string; by: string; what: string }[];
}

export function met(doneAt: string | undefined, dueAt: string | undefined): 'met' | 'missed' | 'open' {
  if (!dueAt) return 'open';
  if (!doneAt) return 'open';
  return doneAt <= dueAt ? 'met' : 'missed';
}

function mustBeAdmin(by: Person): void {
  if (!by.roles.includes('partnership-admin'))
    throw new Refused('not-admin', 'Only partnership administrators record the statutory steps of a serious incident.');
}

export function recordPanelNotification(si: SeriousIncident, by: Person, date: string, notifiedAt: Date, reviewDue: (from: Date) => Date): SeriousIncident {
  mustBeAdmin(by);
  if (si.panelNotifiedAt) return si;
  if (!date) throw new Invalid(['Give the date the National Panel was notified.']);
  return {
    ...si,
    panelNotifiedAt: notifiedAt.toISOString(),
    rapidReviewDueAt: reviewDue(notifiedAt).toISOString(),
    log: [...si.log, { at: notifiedAt.toISOString(), by: by.aadObjectId, what: 'National Panel notified' }],
  };
}

export function recordRapidReview(si: SeriousIncident, by: Person, completedAt: Date): SeriousIncident {
  mustBeAdmin(by);
  if (!si.panelNotifiedAt) throw new Invalid(['Record the National Panel notification first: the rapid review runs from it.']);
  if (si.rapidReviewCompletedAt) return si;
  return {
    ...si,
    rapidReviewCompletedAt: completedAt.toISOString(),
    log: [...si.log, { at: completedAt.toISOString(), by: by.aadObjectId, what: 'Rapid review completed' }],
  };
}
