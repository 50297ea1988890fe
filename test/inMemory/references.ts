import type { References } from '../../src/workflows/ports';

/** Case references counted per prefix; a form submitted again keeps its first reference. */
export class InMemoryReferences implements References {
  private readonly counters = new Map<string, number>();
  private readonly forms = new Map<string, string>();
  async next(prefix: string): Promise<string> {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${String(n).padStart(4, '0')}`;
  }
  async given(prefix: string, formId: string): Promise<string | undefined> {
    return this.forms.get(`${prefix}|${formId}`);
  }
  async forForm(prefix: string, formId: string): Promise<{ reference: string; first: boolean }> {
    const known = this.forms.get(`${prefix}|${formId}`);
    if (known) return { reference: known, first: false };
    const reference = await this.next(prefix);
    this.forms.set(`${prefix}|${formId}`, reference);
    return { reference, first: true };
  }
}
