/** Case references (SD-0001, PD-0001, REF-0001, SI-0001, TR-0001), and what an audit row may say about one. */

const CASE_REFERENCE = /^(SD|PD|REF|SI|TR)-\d{4,9}$/;

export function isCaseReference(value: unknown): boolean {
  return typeof value === 'string' && CASE_REFERENCE.test(value);
}

/**
 * A reference someone typed or a card sent, as an audit row may hold it: the reference itself
 * when it is one, otherwise only its length. What was typed could be a child's name.
 */
export function referenceForAudit(value: string): string {
  return isCaseReference(value) ? value : `a reference not in Concord’s format (length ${value.length})`;
}
