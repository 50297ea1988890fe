import { loadForm } from '../src/formsFile';
import { FIELDS } from '../src/domain/limits';
import { limitOf } from '../src/domain/forms';
import { EmbeddedStorage, startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import {
  CHUNK_CHARS,
  createOnce,
  DocumentTooLarge,
  entityBytes,
  jsonEntity,
  MAX_ENTITY_BYTES,
  readJson,
  statusOf,
  Tables,
  updateJson,
} from '../src/store/tables';

/** Azure Tables' own limits, which Azurite enforces too. */
const PROPERTY_CHARS = 32_768; // 64 KiB of UTF-16
const ENTITY_BYTES = 1_048_576; // 1 MiB

let storage: EmbeddedStorage;
let tables: Tables;
beforeAll(async () => {
  storage = await startEmbeddedAzurite();
  tables = new Tables(storage.connectionString);
  await tables.createAll();
});
afterAll(async () => storage?.stop());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as { statusCode?: number; message?: string },
  );

describe('the limits are real', () => {
  test('a string property of 32,768 characters is stored; one more is refused (PropertyValueTooLarge)', async () => {
    const c = tables.client('discussions');
    await c.createEntity({ partitionKey: 'limits', rowKey: 'at', json: 'x'.repeat(PROPERTY_CHARS) });
    const over = await failure(c.createEntity({ partitionKey: 'limits', rowKey: 'over', json: 'x'.repeat(PROPERTY_CHARS + 1) }));
    expect(statusOf(over)).toBe(400);
    expect(over?.message).toContain('PropertyValueTooLarge');
  });

  test('an entity just over 1 MiB is refused (EntityTooLarge); one at it is stored', async () => {
    const c = tables.client('discussions');
    const sized = (bytes: number) => {
      const e: Record<string, string> & { partitionKey: string; rowKey: string } = { partitionKey: 'limits', rowKey: 'entity' };
      for (let i = 0; bytes > 0; i++, bytes -= 30_000) e[`p${i}`] = 'x'.repeat(Math.min(30_000, bytes));
      return e;
    };
    await c.upsertEntity(sized(ENTITY_BYTES - 4_096), 'Replace');
    const over = await failure(c.upsertEntity(sized(ENTITY_BYTES + 1_024), 'Replace'));
    expect(statusOf(over)).toBe(400);
    expect(over?.message).toContain('EntityTooLarge');
  });
});

describe('a document spans as many properties as it needs, within one entity', () => {
  /** Text storage must escape, with characters of every width, split wherever a chunk ends. */
  const awkward = (n: number) => `"quoted" \\ back\nline é € 😀 `.repeat(Math.ceil(n / 24)).slice(0, n);

  test('a document of 100,000 characters, more than three properties could hold, is kept whole', async () => {
    const c = tables.client('discussions');
    const doc = { text: awkward(100_000) };
    expect(await createOnce(c, 'limits', 'big', doc)).toBe(true);
    expect(await readJson(c, 'limits', 'big')).toEqual(doc);
    const raw = await c.getEntity<Record<string, unknown>>('limits', 'big');
    const chunks = Object.entries(raw)
      .filter(([k]) => /^json\d*$/.test(k))
      .map(([, v]) => v as string);
    expect(chunks.length).toBeGreaterThan(100_000 / PROPERTY_CHARS);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(CHUNK_CHARS);
  });

  test('a document at the entity limit is written and read back; just over it is refused before storage, and what was there stays', async () => {
    const c = tables.client('discussions');
    await createOnce(c, 'limits', 'edge', { text: 'first' });
    // The longest document the store accepts: one more character and it would pass the limit.
    const fits = (n: number) => {
      try {
        return !!jsonEntity('limits', 'edge', { text: 'x'.repeat(n) });
      } catch (e) {
        if (e instanceof DocumentTooLarge) return false;
        throw e;
      }
    };
    let [low, high] = [1, 2 * MAX_ENTITY_BYTES];
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (fits(mid)) low = mid;
      else high = mid;
    }
    const n = low;
    const atLimit = { text: 'x'.repeat(n) };
    await updateJson(c, 'limits', 'edge', () => atLimit);
    expect(await readJson(c, 'limits', 'edge')).toEqual(atLimit);
    const over = await failure(updateJson(c, 'limits', 'edge', () => ({ text: 'x'.repeat(n + 1) })));
    expect(over).toBeInstanceOf(DocumentTooLarge);
    expect(await readJson(c, 'limits', 'edge')).toEqual(atLimit);
    expect(MAX_ENTITY_BYTES).toBeLessThan(ENTITY_BYTES);
  });
});

describe('every field at its limit fits', () => {
  /** The widest text: three UTF-8 bytes a character, and quotes JSON doubles. */
  const widest = (n: number) => '€"'.repeat(n).slice(0, n);
  const bytes = (doc: unknown) => entityBytes(jsonEntity('SD-0001', 'discussion|version|0001', doc));

  test('an outcome version, the first minutes, a difference and a referral, each with every field at its limit, stay under the entity limit', () => {
    const f = FIELDS;
    const outcome = {
      version: 1,
      recordedAt: '2026-11-23T10:00:00.000Z',
      recordedBy: 'x',
      amendmentReason: widest(f.amendmentReason.max),
      outcome: {
        threshold: 'likely',
        decision: 's47-joint',
        rationale: widest(f.rationale.max),
        contributions: widest(f.contributions.max),
        family: { shared: false, detail: widest(f.familyDetail.max) },
        followUpDate: '2026-11-30',
        actions: Array.from({ length: 5 }, (_, i) => ({ id: `A${i + 1}`, description: widest(f.action.max), ownerAadObjectId: 'x', dueDate: '2026-11-25' })),
      },
    };
    const minutes = {
      version: 1,
      circulatedAt: '',
      circulatedBy: '',
      recipients: Array.from({ length: 60 }, () => 'aaaaaaaa-0000-4000-8000-000000000001'),
      content: {
        agencyInformation: widest(f.agencyInformation.max),
        analysis: widest(f.analysis.max),
        decision: 's47-joint',
        rationale: widest(f.minutesRationale.max),
        actions: widest(f.minutesActions.max),
        familyTold: widest(f.familyTold.max),
        link: widest(f.link.max),
      },
    };
    const difference = {
      caseReference: widest(f.caseReference.max),
      decision: widest(f.differenceDecision.max),
      reasons: widest(f.differenceReasons.max),
      outcomeSought: widest(f.outcomeSought.max),
      resolution: { text: widest(f.stageText.max) },
      stages: [1, 2, 3, 4].map((stage) => ({
        stage,
        participants: Array.from({ length: 8 }, () => ({ aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', side: 'raised-by' })),
      })),
    };
    const form = loadForm('config/forms/referral.json');
    const answers = Object.fromEntries(form.steps.flatMap((s) => s.questions).map((q) => [q.id, widest(limitOf(q)?.max ?? 20)]));
    for (const doc of [outcome, minutes, difference, { answers }]) expect(bytes(doc)).toBeLessThan(MAX_ENTITY_BYTES / 2);
  });
});
