import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { RecordDocument } from '../documents/document';
import { wordDocument } from '../documents/wordDocument';
import { markdown } from '../documents/markdown';
import { AuditLog } from '../store/auditLog';
import { Actor } from '../workflows/actor';
import { logger } from '../logger';
import { WorkflowRoutes } from './app';
import { actorOf } from './turn';

/** What a person asked for as a file. It comes back from the client on consent, so it is checked again. */
export type FileRequest =
  | { kind: 'record'; ref: string }
  | { kind: 'report'; report: 'differences' | 'minutes' | 'transfers'; month?: string }
  /** A subject access export: never made again after a restart (the administrator asks again). */
  | { kind: 'subject-access'; about: string };

export interface FileToSend {
  name: string;
  description: string;
  bytes: Buffer;
}

/**
 * Makes the file again when the one offered is no longer held (a restart between the offer and
 * the consent), checking again that this person may have it.
 */
export type FileProducer = (actor: Actor, request: FileRequest) => Promise<FileToSend | { message: string }>;

const PENDING_MS = 15 * 60_000;

/**
 * Files through Teams' file-consent flow, the only way a bot can put a file in a person's
 * OneDrive: Concord offers the file (name, size) on a consent card in the personal chat; when the
 * person allows it, Teams gives an upload URL, Concord uploads the bytes there and sends the file
 * card. Group chats and channels have no such flow: callers fall back to Markdown there.
 */
/** The longest export shown in chat, in characters: 80 KB in UTF-16, Teams' recommended message size (it refuses over 100 KB). */
export const EXPORT_CHAT_CHARS = 40_000;

/**
 * An export as a chat message: the Markdown whole, or, when Teams would refuse a message that
 * long, where to have it whole (the Word document, in a personal chat): never cut short.
 */
export function exportInChat(doc: RecordDocument, reference: string, wordOffered: boolean): string {
  const text = markdown(doc);
  if (text.length <= EXPORT_CHAT_CHARS) return text;
  const size = text.length.toLocaleString('en-GB');
  return wordOffered
    ? `${doc.title}: too long for a chat message (${size} characters). Allow the Word document below: it holds the whole record.`
    : `${doc.title}: too long for a chat message (${size} characters). Type "export ${reference}" in your personal chat with Concord to have it whole as a Word document.`;
}

export class FileDelivery implements WorkflowRoutes {
  private readonly pending = new Map<string, { owner: string; file: FileToSend; at: number }>();

  constructor(
    private readonly produce: FileProducer,
    private readonly audit: AuditLog,
    /** Local runs and tests upload over http to 127.0.0.1; from Teams the URL is always https. */
    private readonly allowInsecureUpload: boolean,
  ) {}

  static available(context: TurnContext): boolean {
    return context.activity.conversation?.conversationType === 'personal';
  }

  /** A record as a Word document for the person's case file, where files can be sent. */
  async offerDocument(context: TurnContext, doc: RecordDocument, request: FileRequest): Promise<void> {
    if (!FileDelivery.available(context)) return;
    await this.offer(context, request, {
      name: `${doc.fileName}.docx`,
      description: `${doc.title}, as a Word document for your case file`,
      bytes: await wordDocument(doc),
    });
  }

  /** A report as a CSV file, where files can be sent. */
  async offerCsv(context: TurnContext, name: string, description: string, text: string, request: FileRequest): Promise<void> {
    if (!FileDelivery.available(context)) return;
    await this.offer(context, request, { name, description, bytes: Buffer.from(text, 'utf8') });
  }

  /** Offers a file already made, on a consent card: nothing is sent until the person allows it. */
  private async offer(context: TurnContext, request: FileRequest, made: FileToSend): Promise<void> {
    const actor = actorOf(context);
    const id = randomUUID();
    this.forgetOld();
    this.pending.set(id, { owner: actor.person.aadObjectId, file: made, at: Date.now() });
    await context.sendActivity({
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.card.file.consent',
          name: made.name,
          content: { description: made.description, sizeInBytes: made.bytes.length, acceptContext: { id, ...request }, declineContext: { id } },
        },
      ],
    });
  }

  registerCommands(): void {}

  registerActions(app: Application<TurnState>): void {
    app.fileConsentAccept(async (context, _state, response) => {
      const actor = actorOf(context);
      const request = parseRequest(response.context);
      const url = this.uploadUrl(response.uploadInfo?.uploadUrl);
      if (!request || !url) {
        await this.audit.record({
          subject: 'access',
          action: 'refused.file-consent',
          actorAadObjectId: actor.person.aadObjectId,
          tenantId: actor.tenantId,
          activityId: actor.activityId,
          detail: 'consent without a valid request or upload address',
        });
        await context.sendActivity('That file offer is not one Concord can fulfil. Type the export command again.');
        return;
      }
      const id = (response.context as { id?: unknown }).id;
      const kept = typeof id === 'string' ? this.pending.get(id) : undefined;
      const file = kept && kept.owner === actor.person.aadObjectId ? kept.file : await this.produce(actor, request);
      if ('message' in file) {
        await context.sendActivity(file.message);
        return;
      }
      try {
        await upload(url, file.bytes);
      } catch (e) {
        logger.warn('file upload failed', { error: (e as Error).name });
        await context.sendActivity(`${file.name} could not be uploaded to your OneDrive, so no file was sent. Please type the export command again.`);
        return;
      }
      if (typeof id === 'string') this.pending.delete(id);
      await this.audit.record({
        subject: request.kind === 'record' ? request.ref : request.kind === 'subject-access' ? 'subject-access' : 'reports',
        action: 'file.sent',
        actorAadObjectId: actor.person.aadObjectId,
        tenantId: actor.tenantId,
        activityId: actor.activityId,
        detail: `${request.kind === 'record' ? 'record' : request.kind === 'subject-access' ? 'subject access export' : `${request.report} report`}, ${file.bytes.length} bytes`,
      });
      const info = response.uploadInfo!;
      await context.sendActivity({
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.card.file.info',
            contentUrl: info.contentUrl,
            name: info.name,
            content: { uniqueId: info.uniqueId, fileType: info.fileType },
          },
        ],
      });
    });
    app.fileConsentDecline(async (context, _state, response) => {
      const id = (response.context as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') this.pending.delete(id);
      await context.sendActivity('No file was sent. Type the export command again whenever you want it.');
    });
  }

  private uploadUrl(value: unknown): URL | undefined {
    if (typeof value !== 'string') return undefined;
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || (this.allowInsecureUpload && url.protocol === 'http:')) return url;
    } catch {
      // not a URL
    }
    return undefined;
  }

  private forgetOld(): void {
    const cutoff = Date.now() - PENDING_MS;
    for (const [id, p] of this.pending) if (p.at < cutoff) this.pending.delete(id);
  }
}

/** The request as Concord offered it, or nothing: the client could send anything back. */
function parseRequest(value: unknown): FileRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === 'record' && typeof v.ref === 'string' && /^(SD|PD|REF|SI|TR)-\d{4,6}$/.test(v.ref)) return { kind: 'record', ref: v.ref };
  if (v.kind === 'subject-access' && typeof v.about === 'string' && v.about.length <= 40) return { kind: 'subject-access', about: v.about };
  if (v.kind === 'report' && (v.report === 'differences' || v.report === 'minutes' || v.report === 'transfers')) {
    if (v.month === undefined) return { kind: 'report', report: v.report };
    if (typeof v.month === 'string' && /^\d{4}-\d{2}$/.test(v.month)) return { kind: 'report', report: v.report, month: v.month };
  }
  return undefined;
}

/** One PUT of the whole file to the upload session, as Teams' file-upload flow expects. */
async function upload(url: URL, bytes: Buffer): Promise<void> {
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Length': String(bytes.length), 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
    body: new Uint8Array(bytes),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`upload answered ${res.status}`);
}
