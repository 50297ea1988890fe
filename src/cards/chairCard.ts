/**
 * What the chair's live card shares while it changes from the convened card to the tally: Teams
 * refreshes it for the chair with one verb whichever it is now, and either ends the discussion.
 * Both templates' view models give `reference`, `userIds` and `ended`.
 */
export const chairRefresh = {
  action: { type: 'Action.Execute', title: 'Refresh', verb: 'sd.tally.view', data: { ref: '${reference}' } },
  userIds: '${userIds}',
} as const;

export const discussionEnded = {
  $when: '${!ended}',
  type: 'Action.Execute',
  title: 'The discussion has ended',
  verb: 'minutes.end',
  data: { ref: '${reference}' },
} as const;
