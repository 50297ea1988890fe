import type { References as ReferencePort } from '../workflows/ports';
import { createOnce, encodeKey, readJson, Tables, updateJson } from './tables';

/** Case references (SD-0001, PD-0001…): a counter per prefix, unique across instances. */
export class References implements ReferencePort {
  constructor(private readonly tables: Tables) {}

  async next(prefix: string): Promise<string> {
    const counters = this.tables.client('counters');
    await createOnce(counters, 'reference', prefix, { n: 0 });
    const next = await updateJson<{ n: number }>(counters, 'reference', prefix, (c) => ({ n: c.n + 1 }), 50);
    return `${prefix}-${String(next!.n).padStart(4, '0')}`;
  }

  /**
   * The reference for one filled-in form: a form submitted twice (a double click, Teams
   * delivering the action again) gets the reference it got the first time, and `first` false.
   */
  async given(prefix: string, formId: string): Promise<string | undefined> {
    return (await readJson<{ reference: string }>(this.tables.client('counters'), 'form', encodeKey(`${prefix}|${formId}`)))?.reference;
  }

  async forForm(prefix: string, formId: string): Promise<{ reference: string; first: boolean }> {
    const counters = this.tables.client('counters');
    const key = encodeKey(`${prefix}|${formId}`);
    const given = await readJson<{ reference: string }>(counters, 'form', key);
    if (given) return { reference: given.reference, first: false };
    const reference = await this.next(prefix);
    if (await createOnce(counters, 'form', key, { reference })) return { reference, first: true };
    return { reference: (await readJson<{ reference: string }>(counters, 'form', key))!.reference, first: false };
  }
}
