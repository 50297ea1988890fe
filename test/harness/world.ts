import type { WorkflowRoutes } from '../../src/teams/app';
import { loadSettings } from '../../src/config';
import { Concord, startConcord } from '../../src/concord';
import { loadDirectory } from '../../src/directoryFile';
import { Directory } from '../../src/domain/directory';
import { EmbeddedStorage, startEmbeddedAzurite } from '../../src/store/embeddedAzurite';
import { auditRowsWithChildIdentifiers } from './childIdentifiers';
import { FakeConnector } from './fakeConnector';
import { TeamsUser, userFor } from './teams';

export const SAMPLE_DIRECTORY = 'config/partnership.sample.json';

/** A clock the test moves by hand; the server and its scheduler read it. */
export class TestClock {
  /** Wall time when the clock last started running on its own (`startTicking`). */
  private tickingSince: number | undefined;

  constructor(private current: Date) {}
  now = (): Date => new Date(this.current.getTime() + (this.tickingSince === undefined ? 0 : Date.now() - this.tickingSince));
  set(at: Date | string): void {
    this.current = new Date(at);
    if (this.tickingSince !== undefined) this.tickingSince = Date.now();
  }
  advance(ms: number): void {
    this.set(new Date(this.now().getTime() + ms));
  }
  /** From now on the clock also moves with real time, so that leases run out while work is slow. */
  startTicking(): void {
    this.current = this.now();
    this.tickingSince = Date.now();
  }
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/**
 * Everything a test needs, all real: Azurite's table service, Concord's HTTP server on a free
 * port, and a fake Bot Connector on loopback standing in for Teams.
 */
export class World {
  concord!: Concord;
  /** More instances of the service on the same storage (`startAnotherInstance`). */
  readonly others: Concord[] = [];
  readonly directory: Directory;

  private constructor(
    readonly storage: EmbeddedStorage,
    readonly connector: FakeConnector,
    readonly clock: TestClock,
    directory?: Directory,
    private readonly directoryFile = SAMPLE_DIRECTORY,
    private readonly env: Record<string, string> = {},
    private readonly extraRoutes: WorkflowRoutes[] = [],
  ) {
    this.directory = directory ?? loadDirectory(directoryFile);
  }

  /** `env`: extra settings, as environment variables, for every instance. */
  static async start(
    options: {
      at?: string;
      storage?: EmbeddedStorage;
      directory?: Directory;
      directoryFile?: string;
      env?: Record<string, string>;
      /** Routes after Concord's own (the benchmarks' reference verbs). */
      extraRoutes?: WorkflowRoutes[];
    } = {},
  ): Promise<World> {
    const storage = options.storage ?? (await startEmbeddedAzurite({}));
    const connector = await new FakeConnector().start();
    const world = new World(
      storage,
      connector,
      new TestClock(new Date(options.at ?? '2026-11-23T10:00:00Z')),
      options.directory,
      options.directoryFile,
      options.env,
      options.extraRoutes,
    );
    await world.startConcord();
    return world;
  }

  private instance(): Promise<Concord> {
    const settings = loadSettings({
      PORT: '0',
      HOST: '127.0.0.1',
      STORAGE_CONNECTION_STRING: this.storage.connectionString,
      DIRECTORY_FILE: this.directoryFile,
      SWEEP_INTERVAL_MS: '100',
      ...this.env,
    });
    return startConcord(settings, { now: this.clock.now, directory: this.directory, extraRoutes: this.extraRoutes });
  }

  async startConcord(): Promise<void> {
    this.concord = await this.instance();
  }

  /** A second instance of the service on the same storage and clock, as App Service scaled out. */
  async startAnotherInstance(): Promise<Concord> {
    const other = await this.instance();
    this.others.push(other);
    return other;
  }

  /** Stop the service and start it again on the same storage, as after a deployment or a crash. */
  async restart(): Promise<void> {
    await this.concord.stop();
    await this.startConcord();
  }

  user(name: string, tenantId?: string): TeamsUser {
    return userFor(this.directory, name, () => this.concord.url, this.connector, tenantId);
  }

  /** Install Concord for these people, as a partnership's IT team would. */
  async install(...names: string[]): Promise<TeamsUser[]> {
    const users = names.map((n) => this.user(n));
    for (const u of users) await u.install();
    return users;
  }

  /** Run every job due by now (reminders, deliveries), as the sweeper would on its next pass. */
  async runDueWork(): Promise<void> {
    await this.concord.sweeper.stop();
    while ((await this.concord.sweeper.sweep()) > 0);
    this.concord.sweeper.start();
  }

  async auditActions(subject: string): Promise<string[]> {
    return (await this.concord.audit.trail(subject)).map((e) => e.action);
  }

  /**
   * Every message Concord sent on its own (not a reply to the person) must open with a case
   * reference and nothing that identifies a child: that first line is the Teams notification.
   * Checked for every end-to-end test when its world stops.
   */
  proactiveFirstLinesThatBreakTheRule(): string[] {
    // Proactive messages carry a summary (the notification text); replies within a turn do not.
    return (
      this.connector.calls
        .filter((c) => c.method === 'POST' && c.body?.type === 'message' && c.body.summary !== undefined)
        .map((c) => String(c.body.summary).split('\n')[0])
        // Concord's own notices to administrators (not about a case) open with "Concord:".
        .filter((line) => !/^((SD|PD|REF|SI|TR|TEST)-\d{1,4}|Concord): [^“"]*$/.test(line))
    );
  }

  async stop(): Promise<void> {
    for (const other of this.others) await other.stop();
    await this.concord.stop();
    const leaks = await auditRowsWithChildIdentifiers(this.concord.tables);
    await this.connector.stop();
    await this.storage.stop();
    const broken = this.proactiveFirstLinesThatBreakTheRule();
    if (broken.length) throw new Error(`messages whose first line does not open with a case reference, or quotes free text:\n${broken.join('\n')}`);
    if (leaks.length) throw new Error(`audit rows that identify a child:\n${leaks.join('\n')}`);
  }
}
