import { ConcordAdapter, routeSdkConsoleToLogger } from './teams/adapter';
import { devTabKeyFile, Settings } from './config';
import { logger } from './logger';
import { loadDirectory, readDirectory } from './directoryFile';
import { watchDirectoryFile } from './directoryWatcher';
import { DirectoryRoutes } from './teams/directoryRoutes';
import { AbsenceRoutes } from './teams/absenceRoutes';
import { Absences } from './workflows/absences';
import { AbsenceStore } from './store/absenceStore';
import { DirectoryReload } from './workflows/directoryReload';
import { WorkingCalendar } from './domain/calendar';
import { Directory } from './domain/directory';
import { AuditLog } from './store/auditLog';
import { AuditSealer } from './store/auditSealer';
import { AuditVerifier } from './store/auditVerifier';
import { ConversationStore } from './store/conversations';
import { EmbeddedStorage, startEmbeddedAzurite } from './store/embeddedAzurite';
import { StorageLocation, Tables } from './store/tables';
import { JobStore } from './scheduler/jobStore';
import { Sweeper } from './scheduler/sweeper';
import { createApp, WorkflowRoutes } from './teams/app';
import { presenters, TeamsTell } from './teams/tell';
import { registerChasers } from './jobHandlers';
import { Notifier } from './teams/notifier';
import { Outbox } from './delivery/outbox';
import { TurnTelemetry } from './teams/turnTelemetry';
import { FileDelivery } from './teams/files';
import { exportFiles } from './teams/exportFiles';
import { createServer } from './teams/server';
import { InboundAuthentication } from './teams/inboundAuthentication';
import { RefusalTally } from './refusalTally';
import { StrategyCards } from './cards/strategyCards';
import { DiscussionStore } from './store/discussionStore';
import { StrategyRoutes } from './teams/strategyRoutes';
import { strategyUseCases, Strategy } from './workflows/strategy';
import { StrategyPresenter } from './teams/strategyPresenter';
import { Batches } from './scheduler/batches';
import { CaseAccess } from './workflows/caseAccess';
import { WorkflowServices } from './workflows/workflow';
import { MinutesCards } from './cards/minutesCards';
import { MinutesStore } from './store/minutesStore';
import { References } from './store/references';
import { MinutesRoutes } from './teams/minutesRoutes';
import { MinutesPorts } from './workflows/minutes/ports';
import { MinutesPresenter } from './teams/minutesPresenter';
import { DifferenceCards } from './cards/differenceCards';
import { DifferenceStore } from './store/differenceStore';
import { DifferenceRoutes } from './teams/differenceRoutes';
import { DifferencePorts } from './workflows/differences/ports';
import { DifferencePresenter } from './teams/differencePresenter';
import { ReferralCards } from './cards/referralCards';
import { loadForm } from './formsFile';
import { ReferralStore } from './store/referralStore';
import { ReferralRoutes } from './teams/referralRoutes';
import { FormSession } from './workflows/referrals/formSession';
import { ReferralDrafting } from './workflows/referrals/drafting';
import { ReferralSubmission } from './workflows/referrals/submission';
import { FrontDoor } from './workflows/referrals/frontDoor';
import { UndecidedReferrals } from './workflows/referrals/undecided';
import { ReferralToChannel } from './workflows/referrals/toChannel';
import { StrategyHandOff } from './workflows/referrals/strategyHandOff';
import { IncidentClocks } from './workflows/referrals/incidentClock';
import { IncidentReport } from './workflows/referrals/incidentReport';
import { ReferralPresenter } from './teams/referralPresenter';
import { ParkedJobs } from './workflows/parkedJobs';
import { SchedulerParkedWork } from './scheduler/parkedWork';
import { JobRoutes } from './teams/jobRoutes';
import { AuditRoutes } from './teams/auditRoutes';
import { AuditCheck } from './workflows/auditCheck';
import { FactsOf } from './partnership/caseFacts';
import { FiguresStore } from './partnership/figuresStore';
import { FiguresMinutesMeasures } from './partnership/minutesMeasures';
import { FiguresProjector } from './partnership/projector';
import { registerPartnershipTab } from './partnership/tabRoutes';
import { TabSignIn } from './partnership/tabSignIn';
import { TransferCards } from './cards/transferCards';
import { TransferStore } from './store/transferStore';
import { TransferRoutes } from './teams/transferRoutes';
import { TransferPorts } from './workflows/transfer/ports';
import { TransferPresenter } from './teams/transferPresenter';
import { withTransfer } from './domain/transfer';
import { WorkIndexStore } from './store/workIndex';
import { IndexingTell } from './workflows/worklist/indexingTell';
import { Worklist } from './workflows/worklist/worklist';
import { WorkRoutes } from './teams/workRoutes';
import { ThreadStore } from './store/threadStore';
import { GovernanceStore } from './store/governanceStore';
import { TableCaseRows } from './store/caseRows';
import { DraftRows } from './store/draftRows';
import { GovernancePorts } from './workflows/governance/governancePorts';
import { CaseInvolvement } from './workflows/governance/involvement';
import { CaseLinking } from './workflows/governance/linking';
import { Retention } from './workflows/governance/retention';
import { SubjectAccess } from './workflows/governance/subjectAccess';
import { GovernanceRoutes } from './teams/governanceRoutes';

export interface ConcordOptions {
  /** The clock; tests move it. */
  now?: () => Date;
  directory?: Directory;
  /** Where the Bot Framework's token signing keys are published; tests serve their own. */
  openIdMetadataUrl?: string;
  /** Routes tried after Concord's own: the benchmarks' reference verbs (bench/acknowledge.ts). */
  extraRoutes?: WorkflowRoutes[];
}

export interface Concord {
  url: string;
  port: number;
  directory: Directory;
  tables: Tables;
  audit: AuditLog;
  jobs: JobStore;
  sweeper: Sweeper;
  outbox: Outbox;
  /** Concord's own Azurite when no storage is configured (`npm start`). */
  embedded: EmbeddedStorage | undefined;
  /** Keeps the Partnership tab's monthly figures up to date from the audit log. */
  figures: FiguresProjector;
  stop(): Promise<void>;
}

/**
 * botbuilder's public-cloud settings with the signing keys fetched from elsewhere. Naming any one
 * of these makes botbuilder expect them all (BotFrameworkAuthenticationFactory).
 */
function publicCloudWithKeysAt(openIdMetadataUrl: string) {
  return {
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
  };
}

/** How often an instance takes absences said in chat to another instance (a minute: chases run on minutes, not seconds). */
const ABSENCES_REFRESH_MS = 60_000;

/** The composition root: builds every part once, in dependency order, and starts serving. */
export async function startConcord(settings: Settings, options: ConcordOptions = {}): Promise<Concord> {
  const now = options.now ?? (() => new Date());
  const directory = options.directory ?? loadDirectory(settings.directoryFile);
  const p = directory.partnership;
  const calendar = new WorkingCalendar(p.timeZone, p.closureDays, p.timescales.startOfWorkingDay, p.timescales.endOfWorkingDay);

  let embedded: EmbeddedStorage | undefined;
  let location: StorageLocation;
  if (settings.storageAccountUrl) location = { accountUrl: settings.storageAccountUrl, managedIdentityClientId: settings.azureClientId || undefined };
  else if (settings.storageConnectionString) location = settings.storageConnectionString;
  else {
    embedded = await startEmbeddedAzurite({ dataDir: settings.dataDir });
    location = embedded.connectionString;
  }
  const tables = new Tables(location);
  try {
    await tables.createAll();
  } catch (e) {
    await embedded?.stop();
    throw new Error(`Storage did not answer (${(e as Error).message}). Check STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL.`, { cause: e });
  }

  const audit = new AuditLog(tables, now);
  const sealer = new AuditSealer(tables);
  audit.onAppended = () => sealer.soon();
  const conversations = new ConversationStore(tables);
  const botAuthentication = settings.botId
    ? {
        MicrosoftAppId: settings.botId,
        MicrosoftAppPassword: settings.botPassword,
        MicrosoftAppType: settings.botType,
        MicrosoftAppTenantId: settings.botTenantId,
        ...(options.openIdMetadataUrl ? publicCloudWithKeysAt(options.openIdMetadataUrl) : {}),
      }
    : undefined;
  routeSdkConsoleToLogger();
  const adapter = new ConcordAdapter(botAuthentication ?? {});
  adapter.use(new TurnTelemetry());
  const notifier = new Notifier(adapter, settings.botId, conversations);
  const jobs = new JobStore(tables);
  const sweeper = new Sweeper(jobs, now, { intervalMs: settings.sweepIntervalMs, leaseMs: settings.jobLeaseMs });
  const outbox = new Outbox(jobs, sweeper, notifier, tables, audit, directory, now);
  const discussionStore = new DiscussionStore(tables);
  const minutesStore = new MinutesStore(tables);
  const referralStore = new ReferralStore(tables);
  const minutesPresenter = new MinutesPresenter(new MinutesCards(directory, calendar), directory, calendar, conversations, now);
  const differencePresenter = new DifferencePresenter(new DifferenceCards(directory, calendar), conversations, directory, calendar, now);
  const strategyCards = new StrategyCards(directory, calendar);
  const strategyPresenter = new StrategyPresenter(strategyCards, conversations, directory, calendar);
  const referralForm = new FormSession(loadForm(p.forms.referral), 'referral', referralStore, calendar, now);
  const incidentForm = new FormSession(loadForm(p.forms.seriousIncident), 'incident', referralStore, calendar, now);
  const referralPresenter = new ReferralPresenter(
    new ReferralCards(directory, calendar),
    strategyCards,
    { referral: referralForm.form, incident: incidentForm.form },
    calendar,
    now,
    { directory, conversations },
  );
  const transferPresenter = new TransferPresenter(new TransferCards(directory, calendar), directory, now, conversations);
  const differenceStore = new DifferenceStore(tables);
  const access = new CaseAccess(discussionStore, audit, differenceStore, { directory, calendar, now });
  // Whoever is told about a case is indexed for their "mine" list as they are told.
  const workIndex = new WorkIndexStore(tables);
  const tell = new IndexingTell(
    new TeamsTell(
      outbox,
      presenters({
        minutes: minutesPresenter,
        referrals: referralPresenter,
        differences: differencePresenter,
        strategy: strategyPresenter,
        transfers: transferPresenter,
      }),
    ),
    workIndex,
  );
  const references = new References(tables);
  // One child, one thread: any workflow that starts a case from another links them with threads.link.
  const threads = new ThreadStore(tables, settings.nhsNumberKey);
  const services: WorkflowServices = { access, tell, jobs, audit, directory, calendar, references, now };

  // The chair's live card waits a moment, so a burst of answers is shown in one update, not fifty.
  const chairCards = new Batches(1000, 'chair card update');
  const channelReach = { canReach: async (id: string) => !!(await conversations.channel(id)) };
  const strategyHandOff = new StrategyHandOff(services, referralStore, channelReach, threads);
  const strategy: Strategy = strategyUseCases({
    referrals: strategyHandOff,
    // The chairs' half-filled convene and outcome forms are kept with the other unsubmitted forms (and expire with them).
    drafts: referralStore,
    discussions: discussionStore,
    minutes: minutesStore,
    differences: differenceStore,
    audit,
    schedule: jobs,
    tell,
    references,
    directory,
    calendar,
    now,
    chairCards: { soon: (ref) => chairCards.later(ref, () => strategy.acknowledgements.refreshChairCard(ref)) },
  });
  const minutes: MinutesPorts = {
    access,
    minutes: minutesStore,
    discussions: discussionStore,
    tell,
    jobs,
    audit,
    directory,
    calendar,
    now,
    chairCard: { soon: (ref) => chairCards.later(ref, () => strategy.acknowledgements.refreshChairCard(ref)) },
  };
  const differences: DifferencePorts = {
    differences: differenceStore,
    threads,
    discussions: discussionStore,
    minutes: minutesStore,
    notes: access,
    audit,
    tell,
    schedule: jobs,
    references,
    directory,
    calendar,
    now,
  };
  const transferStore = new TransferStore(tables);
  const transfers: TransferPorts = {
    transfers: transferStore,
    threads,
    origins: {
      referral: (ref) => referralStore.referral(ref),
      discussion: (ref) => discussionStore.get(ref),
      linkTransfer: async (from, link) => {
        if (from.startsWith('REF-')) await referralStore.updateReferral(from, (r) => withTransfer(r, link));
        else await discussionStore.update(from, (d) => withTransfer(d, link));
      },
    },
    notes: access,
    audit,
    tell,
    schedule: jobs,
    references,
    directory,
    calendar,
    now,
  };
  const referrals = {
    drafting: new ReferralDrafting(services, referralForm),
    submission: new ReferralSubmission(services, referralForm, referralStore, channelReach, { threads, nhsNumbers: threads }),
    frontDoor: new FrontDoor(services, referralStore, strategyHandOff),
  };
  const governance: GovernancePorts = {
    threads,
    nhsNumbers: threads,
    records: new GovernanceStore(tables),
    cases: new TableCaseRows(tables),
    drafts: new DraftRows(tables),
    audit,
    schedule: jobs,
    directory,
    calendar,
    now,
  };
  const retention = new Retention(governance);
  const clocks = new IncidentClocks(services, referralStore);
  const incidents = { report: new IncidentReport(services, incidentForm, referralStore, clocks), clocks };
  registerChasers(sweeper, {
    discussions: strategy.chasers,
    minutes,
    differences,
    undecidedReferrals: new UndecidedReferrals(services, referralStore),
    referralToChannel: new ReferralToChannel(services, referralStore, channelReach),
    strategyHandOff,
    incidentClocks: clocks,
    transfers,
    retention,
  });
  const parkedJobs = new ParkedJobs(services, new SchedulerParkedWork(jobs, sweeper), logger);

  // The order of the workflows is the order their routes are tried: "record PD-…" before "record SD-…".
  // Files are uploaded to the address Teams gives; over plain http only where nothing is authenticated (local runs, tests).
  const figuresStore = new FiguresStore(tables);
  const records = { discussions: discussionStore, minutes: minutesStore, differences: differenceStore, referrals: referralStore, transfers: transferStore };
  const figures = new FiguresProjector(figuresStore, records, new FactsOf(calendar, directory), () => sealer.sealPending());
  sealer.beforeSealing = (partitionKeys) => figures.markPending(partitionKeys);
  const guard = access.guard.bind(access);
  const files = new FileDelivery(exportFiles(strategy.record, differences, transfers, guard), audit, !settings.botId);
  const directoryReload = new DirectoryReload(directory, () => readDirectory(settings.directoryFile), audit);
  const absences = new Absences({ absences: new AbsenceStore(tables), directory, calendar, audit, tell, now });
  await absences.refresh();
  // Another instance may have been told of an absence: take what is stored every so often.
  const absencesRefresh = setInterval(
    () => void absences.refresh().catch((e: Error) => logger.error('reading absences failed', { error: e.name })),
    ABSENCES_REFRESH_MS,
  );
  absencesRefresh.unref();
  const referralRoutes = new ReferralRoutes(referrals, incidents, referralPresenter);
  const transferRoutes = new TransferRoutes(transfers, transferPresenter, differencePresenter, guard, files, outbox);
  const differenceRoutes = new DifferenceRoutes(differences, differencePresenter, guard, files, outbox);
  const strategyRoutes = new StrategyRoutes(strategy, strategyPresenter, files, outbox);
  const worklist = new Worklist({
    index: workIndex,
    discussions: discussionStore,
    minutes: minutesStore,
    differences: differenceStore,
    referrals: referralStore,
    directory,
    calendar,
    now,
  });
  const openers = {
    SD: strategyRoutes.openRecord.bind(strategyRoutes),
    PD: differenceRoutes.openRecord.bind(differenceRoutes),
    REF: referralRoutes.openReferral.bind(referralRoutes),
    SI: referralRoutes.openIncident.bind(referralRoutes),
    TR: transferRoutes.openRecord.bind(transferRoutes),
  };
  const workflows = [
    referralRoutes,
    transferRoutes,
    differenceRoutes,
    strategyRoutes,
    new WorkRoutes(worklist, openers, guard, calendar, now),
    new MinutesRoutes(minutes, services.access, minutesPresenter, new FiguresMinutesMeasures(figuresStore, () => figures.catchUp()), outbox),
    new DirectoryRoutes(directoryReload, audit),
    new AbsenceRoutes(absences),
    new JobRoutes(parkedJobs),
    files,
    new AuditRoutes(new AuditCheck(new AuditVerifier(tables, sealer), audit, calendar, now)),
    new GovernanceRoutes(
      new CaseLinking(
        threads,
        new CaseInvolvement(
          { referrals: referralStore, discussions: discussionStore, differences: differenceStore, transfers: transfers.transfers },
          directory,
        ),
        access,
      ),
      retention,
      new SubjectAccess(governance),
      guard,
      files,
    ),
    ...(options.extraRoutes ?? []),
  ];
  const app = createApp(adapter, settings.botId, { directory, audit, conversations, workflows });
  const refusals = new RefusalTally(audit);
  const server = createServer(adapter, app, {
    tables,
    storageProblem: () => embedded?.problem(),
    authentication: botAuthentication && new InboundAuthentication(botAuthentication),
    refusals,
    parkedJobs: () => jobs.parkedCount(),
  });
  registerPartnershipTab(server, {
    signIn: new TabSignIn({ audiences: settings.ssoAudiences, jwksUrl: settings.ssoJwksUrl, devKeyFile: devTabKeyFile(settings.dataDir) }, directory),
    figures: figuresStore,
    directory,
    audit,
    refusals,
    thisMonth: () => calendar.local(now()).toFormat('yyyy-MM'),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  await retention.scheduleNext();
  sweeper.start();
  // Differences stored before the log's summary rows get theirs now, not when an admin first asks.
  differenceStore.summariseOlder().catch((e: Error) => logger.error('summarising older differences failed', { error: e.name }));
  sealer.start();
  figures.start();
  const stopWatching = watchDirectoryFile(settings.directoryFile, directoryReload, directory, outbox);
  const port = server.address().port;

  return {
    url: `http://${settings.host}:${port}`,
    port,
    directory,
    tables,
    audit,
    jobs,
    sweeper,
    outbox,
    embedded,
    figures,
    // Storage stops last: first no new requests (those under way finish), then the sweeper
    // finishes the jobs it is running (a message being sent is recorded as sent), and only then
    // does the storage go. Stopped in another order, a message sent but not recorded is sent
    // again after the restart.
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      stopWatching();
      clearInterval(absencesRefresh);
      chairCards.stop();
      await sweeper.stop();
      await refusals.flush();
      await sealer.stop();
      await figures.stop();
      await embedded?.stop();
    },
  };
}
