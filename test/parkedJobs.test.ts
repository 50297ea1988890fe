import { categoryOf } from '../src/scheduler/sweeper';
import { TransientDeliveryError } from '../src/delivery/messenger';
import { ParkedJobs, ParkedWork } from '../src/workflows/parkedJobs';
import { WorkflowServices } from '../src/workflows/workflow';
import { directory, id } from './harness/sampleDiscussion';

// Only the directory is read to describe a job.
const noParkedWork: ParkedWork = { parked: async () => [], retry: async () => false, poke: () => undefined, whenParked: () => undefined };
const parked = new ParkedJobs({ directory } as WorkflowServices, noParkedWork, { error: () => undefined });

describe('what an admin is told about a job Concord gave up on', () => {
  test('the case reference and, in plain words, what did not happen', () => {
    expect(parked.describe({ kind: 'pd.deadline', payload: { ref: 'PD-0001', stage: 1 } })).toEqual({
      reference: 'PD-0001',
      what: 'the professional difference did not move on from stage 1 when its deadline passed',
    });
    expect(parked.describe({ kind: 'sd.ack.manager', payload: { ref: 'SD-0001', version: 1, person: id('Nia Evans') } })).toEqual({
      reference: 'SD-0001',
      what: 'the manager of Nia Evans was not told that the outcome is not acknowledged',
    });
    expect(
      parked.describe({
        kind: 'deliver',
        payload: { key: 'k', subject: 'SD-0001', to: { person: id('Helen Grant') }, message: { summary: 'SD-0001: the minutes need your review' } },
      }),
    ).toEqual({
      reference: 'SD-0001',
      what: 'a message to Helen Grant was not delivered (the minutes need your review)',
    });
  });

  test('a job without a case says what it was; a payload that is not a reference is never echoed', () => {
    expect(parked.describe({ kind: 'tidy.drafts', payload: {} })).toEqual({ reference: undefined, what: 'a scheduled job (tidy.drafts) did not run' });
    expect(parked.describe({ kind: 'minutes.overdue', payload: { ref: 'Baby Smith' } })).toEqual({
      reference: undefined,
      what: 'nobody was told that the minutes are overdue',
    });
    expect(parked.describe({ kind: 'constructor', payload: {} }).what).toBe('a scheduled job (constructor) did not run');
  });

  test('the reason is a category that quotes nothing from the case', () => {
    expect(categoryOf(new TransientDeliveryError(503, undefined, 'Service Unavailable'))).toBe('Teams did not accept the message (HTTP 503)');
    expect(
      categoryOf(
        Object.assign(new Error('The property value exceeds the maximum allowed size (64KB) — Baby Smith…'), {
          name: 'RestError',
          statusCode: 400,
          code: 'PropertyValueTooLarge',
        }),
      ),
    ).toBe('storage refused it (HTTP 400 PropertyValueTooLarge)');
    expect(categoryOf(new SyntaxError('Unexpected token B in JSON: "Baby Smith"'))).toBe('a fault in Concord (SyntaxError)');
    expect(categoryOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('network (ECONNREFUSED)');
  });
});
