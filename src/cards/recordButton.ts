/**
 * The button every notice carries to its case's record: a Universal Action to the verb "record",
 * answered with the record card in the same conversation, so the notice and its own buttons stay.
 */
import type { OutboundMessage } from '../workflows/ports';

export function openRecordAction(reference: string): Record<string, unknown> {
  // associatedInputs none: on a form, opening the record must not wait for its required fields.
  return { type: 'Action.Execute', title: `Open ${reference}`, verb: 'record', data: { ref: reference }, associatedInputs: 'none' };
}

/**
 * The message's card with the button added (a card of the button alone under a message that is
 * only words), or the card as it was when the message offers no record.
 */
export function withOpenButton(message: OutboundMessage): object | undefined {
  if (!message.open) return message.card;
  const card = (message.card ?? { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [] }) as {
    actions?: unknown[];
  };
  const button = openRecordAction(message.open);
  if (card.actions?.some((a) => (a as { verb?: string }).verb === 'record')) return card;
  return { ...card, actions: [...(card.actions ?? []), button] };
}
