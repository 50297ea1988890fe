import { odata } from '@azure/data-tables';
import { ProfessionalDifference } from '../domain/professionalDifference';
import { encodeKey, readJson, Tables, updateJson } from './tables';

/** Professional differences, one document each, changed only under its etag. */
export class DifferenceStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('differences');
  }

  async create(pd: ProfessionalDifference): Promise<void> {
    await this.client.createEntity({ partitionKey: encodeKey(pd.reference), rowKey: 'difference', json: JSON.stringify(pd) });
  }

  get(reference: string): Promise<ProfessionalDifference | undefined> {
    return readJson<ProfessionalDifference>(this.client, encodeKey(reference), 'difference');
  }

  async update(reference: string, change: (pd: ProfessionalDifference) => ProfessionalDifference): Promise<ProfessionalDifference> {
    return (await updateJson<ProfessionalDifference>(this.client, encodeKey(reference), 'difference', change))!;
  }

  /** Every difference, for the partnership's log: a scan, for an administrator's report. */
  async all(): Promise<ProfessionalDifference[]> {
    const out: ProfessionalDifference[] = [];
    for await (const r of this.client.listEntities<{ json: string }>({ queryOptions: { filter: odata`RowKey eq 'difference'` } })) {
      out.push(JSON.parse(r.json) as ProfessionalDifference);
    }
    return out.sort((a, b) => a.reference.localeCompare(b.reference));
  }
}
