import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { Acknowledgement } from '../src/domain/strategyDiscussion';
import { DiscussionStore } from '../src/store/discussionStore';
import { EmbeddedStorage, startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { Tables } from '../src/store/tables';

/**
 * Answers to one discussion arriving together are written together (its partition, one
 * transaction), and each person still gets exactly their own answer back: the first answer stands.
 */
let storage: EmbeddedStorage;
let tables: Tables;
let writes = 0;
const counting: PipelinePolicy = {
  name: 'countDiscussionWrites',
  sendRequest: (request, next) => {
    if (request.method === 'POST') writes++;
    return next(request);
  },
};

beforeAll(async () => {
  storage = await startEmbeddedAzurite();
  tables = new Tables(storage.connectionString);
  await tables.createAll();
  tables.client('discussions').pipeline.addPolicy(counting);
});
afterAll(async () => storage?.stop());

const ack = (person: string, answer: Acknowledgement['answer'] = 'agree'): Acknowledgement => ({
  version: 1,
  aadObjectId: person,
  answer,
  at: '2026-11-24T01:00:00.000Z',
});

test('fifty answers at once are each recorded, in a few round trips', async () => {
  const store = new DiscussionStore(tables);
  writes = 0;
  const recorded = await Promise.all(Array.from({ length: 50 }, (_, i) => store.addAcknowledgement('SD-0960', ack(`person-${i}`))));
  expect(recorded).toEqual(Array.from({ length: 50 }, () => true));
  expect(writes).toBeLessThanOrEqual(2);
  expect(await store.acknowledgements('SD-0960')).toHaveLength(50);
});

test('a person clicking twice among many answers at once: their first answer stands, everyone else’s is recorded', async () => {
  const store = new DiscussionStore(tables);
  await store.addAcknowledgement('SD-0961', ack('early')); // answered before the burst
  const burst = [
    ...Array.from({ length: 20 }, (_, i) => ({ person: `person-${i}`, answer: 'agree' as const })),
    { person: 'person-3', answer: 'different' as const }, // the same person again, in the same group
    { person: 'early', answer: 'different' as const },
  ];
  const recorded = await Promise.all(burst.map((b) => store.addAcknowledgement('SD-0961', ack(b.person, b.answer))));
  expect(recorded).toEqual([...Array.from({ length: 20 }, () => true), false, false]);
  const stored = await store.acknowledgements('SD-0961');
  expect(stored).toHaveLength(21);
  expect(stored.filter((a) => a.answer !== 'agree').map((a) => a.aadObjectId)).toEqual([]);
});

test('answers to different discussions arriving together each land in their own', async () => {
  const store = new DiscussionStore(tables);
  const recorded = await Promise.all(Array.from({ length: 30 }, (_, i) => store.addAcknowledgement(`SD-097${i % 3}`, ack(`person-${i}`))));
  expect(recorded.every((r) => r)).toBe(true);
  for (const d of ['SD-0970', 'SD-0971', 'SD-0972']) expect(await store.acknowledgements(d)).toHaveLength(10);
});
