import * as cards from './harness/cards';
import { TeamsUser } from './harness/teams';
import { MINUTE, World } from './harness/world';

const text = cards.text;

async function raise(world: World, raiser: TeamsUser, responding: string): Promise<string> {
  const [form] = await raiser.say('escalate');
  const raised = await raiser.click(form.attachments[0].content, 'Raise the difference', {
    'Case reference (not the child’s name)': 'SD-0142',
    'The decision or action in question': 'No section 47 enquiry after the second strategy discussion',
    'Your reasons and the evidence': 'Every agency but social care left the meeting understanding a s47 enquiry would start.',
    'The outcome you are seeking': 'A section 47 enquiry, and the record corrected',
    'Responding practitioner': responding,
    'Immediate risk': false,
  });
  return /^(PD-\d{4})/.exec(text(raised.card))![1];
}

/** Runs the queue again and again, 15 minutes apart (past the longest backoff), until a job of this kind is parked. */
async function untilParked(world: World, kind: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await world.runDueWork();
    if ((await world.concord.jobs.parked()).some((j) => j.kind === kind)) return;
    world.clock.advance(15 * MINUTE);
  }
  throw new Error(`no ${kind} job was parked`);
}

async function health(world: World): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${world.concord.url}/healthz`);
  return { status: res.status, body: await res.json() };
}

/** The admin's alerts: proactive messages with this first line. */
const alerts = (admin: TeamsUser, firstLine: string) => admin.messages().filter((a) => String(a.summary ?? '').split('\n')[0] === firstLine);

describe('a job Concord gives up on is an incident', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => world?.stop());

  test('a message that fails 8 times: the admins are told once, /healthz is degraded, "jobs" lists it and "retry job" sends it', async () => {
    const [alison, nia, jordan, tom] = await world.install('Alison Bright', 'Nia Evans', 'Jordan Reid', 'Tom Hughes');
    world.connector.failAlways({ status: 503, headers: { 'Retry-After': '0' } }, jordan.chatId);
    const reference = await raise(world, nia, 'Jordan Reid');
    await untilParked(world, 'deliver');
    await world.runDueWork();

    const alert = `${reference}: a message to Jordan Reid was not delivered (a professional difference is raised with you). Concord tried 8 times and has stopped trying.`;
    await alison.waitForMessage((a) => a.summary === alert, 'the alert');
    expect(await health(world)).toEqual({ status: 200, body: { status: 'degraded', parkedJobs: 1 } });
    expect(await world.auditActions(reference)).toContain('job.parked');
    // Restarted while it is parked (every start announces parked jobs again, in case an instance
    // died between parking a job and telling anyone): still one alert.
    await world.restart();
    await world.runDueWork();
    expect(alerts(alison, alert)).toHaveLength(1);

    // Not an admin: refused, and audited.
    const [refusal] = await tom.say('jobs');
    expect(refusal.text).toBe('Only partnership administrators can see and retry the jobs Concord has stopped trying.');
    const [refusedRetry] = await tom.say('retry job abcdef');
    expect(refusedRetry.text).toBe(refusal.text);
    expect(
      (await world.concord.audit.trail('access')).filter((e) => e.action === 'refused.not-admin' && e.actorAadObjectId === tom.who.aadObjectId),
    ).toHaveLength(2);

    const [listing] = await alison.say('jobs');
    const lines = String(listing.text).split('\n');
    expect(lines[0]).toBe('Jobs Concord has stopped trying: 1.');
    const code = /^- \*\*([0-9a-f]{6})\*\* /.exec(lines[1])![1];
    expect(lines[1]).toBe(
      `- **${code}** ${reference}: a message to Jordan Reid was not delivered (a professional difference is raised with you). ` +
        'Due Monday 23 November 2026 at 10:00; stopped Monday 23 November 2026 at 10:00 after 8 attempts. Why: Teams did not accept the message (HTTP 503).',
    );

    // Teams recovers; the admin runs it again and Jordan gets the difference, once.
    world.connector.recover();
    const [retried] = await alison.say(`retry job ${code}`);
    expect(retried.text).toMatch(new RegExp(`^Job ${code} runs again now \\(${reference}: a message to Jordan Reid was not delivered`));
    await jordan.waitForMessage((a) => a.summary === `${reference}: a professional difference is raised with you`, 'the difference, at last');
    const [again] = await alison.say(`retry job ${code}`);
    expect(again.text).toMatch(/^No stopped job has the code/);
    expect(await health(world)).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await alison.say('jobs'))[0].text).toMatch(/^No jobs have stopped/);
    expect(await world.auditActions(reference)).toContain('job.retried');
    expect(alerts(alison, alert)).toHaveLength(1);
    expect(jordan.messages().filter((a) => a.summary === `${reference}: a professional difference is raised with you`)).toHaveLength(1);
  });

  test('a stage deadline that cannot be processed 8 times: the admins are told the difference did not move on; retried once fixed, it escalates', async () => {
    world.clock.set('2026-11-23T10:00:00Z');
    const [alison, nia, tom] = await world.install('Alison Bright', 'Nia Evans', 'Tom Hughes');
    const reference = await raise(world, nia, 'Jordan Reid');
    // Its record becomes unreadable (as a record over the storage limits once was): every job on it fails.
    const differences = world.concord.tables.client('differences');
    const rows: any[] = [];
    for await (const e of differences.listEntities({ queryOptions: { filter: `PartitionKey eq '${reference}'` } })) rows.push(e);
    for (const row of rows) {
      const broken = Object.fromEntries(
        Object.entries(row)
          .filter(([k, v]) => typeof v === 'string' && !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k))
          .map(([k]) => [k, '{']),
      );
      await differences.updateEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, ...broken }, 'Merge');
    }

    world.clock.set('2026-11-25T17:00:00Z'); // the stage 1 deadline (and its morning reminder)
    await untilParked(world, 'pd.deadline');
    await world.runDueWork();
    const alert = `${reference}: the professional difference did not move on from stage 1 when its deadline passed. Concord tried 8 times and has stopped trying.`;
    const message = await alison.waitForMessage((a) => a.summary === alert, 'the alert');
    expect(message.text).toMatch(/\n\nWhy: a fault in Concord \(SyntaxError\)\. When the cause is fixed, type "retry job [0-9a-f]{6}" to run it again\./);
    expect(await health(world)).toMatchObject({ status: 200, body: { status: 'degraded' } });

    // The record is repaired; the admin retries the deadline and the difference moves to stage 2.
    for (const row of rows)
      await differences.upsertEntity(Object.fromEntries(Object.entries(row).filter(([k]) => !['etag', 'timestamp'].includes(k))) as any, 'Replace');
    const [listing] = await alison.say('jobs');
    const line = String(listing.text)
      .split('\n')
      .find((l) => l.includes('did not move on from stage 1'))!;
    const code = /^- \*\*([0-9a-f]{6})\*\* /.exec(line)![1];
    expect(line).toMatch(new RegExp(`Due Wednesday 25 November 2026 at 17:00; stopped .* after 8 attempts\\. Why: a fault in Concord \\(SyntaxError\\)\\.$`));
    await alison.say(`retry job ${code}`);
    await tom.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage 2`), 'the difference at stage 2');
    expect(alerts(alison, alert)).toHaveLength(1);
  });
});
