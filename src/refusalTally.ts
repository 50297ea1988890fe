import { AuditLog } from './store/auditLog';
import { logger } from './logger';

const MINUTE = 60_000;

interface Window {
  detail: string;
  more: number;
  timer: NodeJS.Timeout;
}

/**
 * Requests refused at the HTTP edge, before anyone is known (no valid token, a malformed body).
 * Anyone can send those, as fast as they like: the first of each kind in a minute is audited at
 * once, and the rest are counted and audited as one row when the minute ends. A flood costs the
 * audit log two rows a minute, not a row a request.
 */
export class RefusalTally {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly audit: AuditLog) {}

  async refuse(action: string, detail: string): Promise<void> {
    const open = this.windows.get(action);
    if (open) {
      open.more++;
      return;
    }
    const timer = setTimeout(() => void this.close(action), MINUTE);
    timer.unref();
    this.windows.set(action, { detail, more: 0, timer });
    await this.write(action, detail);
  }

  /** Writes what is still counted (at shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.windows.keys()].map((action) => this.close(action)));
  }

  private async close(action: string): Promise<void> {
    const w = this.windows.get(action);
    if (!w) return;
    this.windows.delete(action);
    clearTimeout(w.timer);
    if (w.more > 0) await this.write(action, `${w.more} more in the same minute; the first: ${w.detail}`);
  }

  private async write(action: string, detail: string): Promise<void> {
    await this.audit
      .record({ subject: 'access', action, detail: detail.slice(0, 200) })
      .catch((e: Error) => logger.error('audit failed', { action, error: e.message.slice(0, 120) }));
  }
}
