import { WorkingCalendar } from '../domain/calendar';
import type { WorklistView } from '../workflows/worklist/worklist';
import { renderCard } from './render';
import template from './templates/worklist';

/** The "mine" card: each piece of work with its deadline in words, overdue work said to be so. */
export function worklistCard(view: WorklistView, calendar: WorkingCalendar, now: Date): Record<string, unknown> {
  const n = view.items.length;
  return renderCard(template, {
    intro: n === 0 ? 'Nothing is waiting for you now.' : n === 1 ? 'One thing is waiting for you.' : `${n} things are waiting for you, the soonest due first.`,
    items: view.items.map((i) => ({
      reference: i.reference,
      what: i.what,
      due: !i.dueAt ? '' : i.dueAt < now ? `Overdue: it was due ${calendar.phrase(i.dueAt, now)}` : `Due ${calendar.phrase(i.dueAt, now)}`,
    })),
  });
}
