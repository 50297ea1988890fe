import { TurnContext } from 'botbuilder';

/**
 * The one way a case reference is read from a typed command: every such command is
 * "<command> <reference>" ("record SD-0001", "export PD-0002", "minutes SD-0003"), so it is the
 * second word, upper-cased and bounded; whether it is a reference at all is the use case's check.
 */
export function referenceIn(context: TurnContext): string {
  return (/^\s*\S+\s+(\S+)/.exec(context.activity.text ?? '')?.[1] ?? '').toUpperCase().slice(0, 40);
}
