import { Application, TurnState } from '@microsoft/teams-ai';
import { Refused } from '../domain/refusals';
import { AuditLog } from '../store/auditLog';
import { DirectoryReload, ReloadResult } from '../workflows/directoryReload';
import { WorkflowRoutes } from './app';
import { actorOf } from './turn';

/** `reload directory`: the partnership administrator's way to take a changed directory at once. */
export class DirectoryRoutes implements WorkflowRoutes {
  constructor(
    private readonly reload: DirectoryReload,
    private readonly audit: AuditLog,
  ) {}

  registerCommands(app: Application<TurnState>): void {
    app.message(/^\s*reload\s+directory\s*$/i, async (context) => {
      const actor = actorOf(context);
      try {
        await context.sendActivity(describe(await this.reload.byAdmin(actor)));
      } catch (e) {
        if (!(e instanceof Refused)) throw e;
        await this.audit.record({
          subject: 'access',
          action: `refused.${e.reason}`,
          actorAadObjectId: actor.person.aadObjectId,
          tenantId: actor.tenantId,
          activityId: actor.activityId,
          detail: 'reload directory',
        });
        await context.sendActivity(e.message);
      }
    });
  }

  registerActions(): void {}
}

export function describe(r: ReloadResult): string {
  if (!r.loaded) return `The directory was not reloaded: Concord keeps the one it had.\n\n${r.problem}`;
  const changes = [r.added.length ? `added: ${r.added.join(', ')}` : '', r.removed.length ? `removed: ${r.removed.join(', ')}` : ''].filter(Boolean);
  return `The directory is reloaded: ${r.people} people${changes.length ? ` (${changes.join('; ')})` : ', no one added or removed'}. The change is on the audit trail.`;
}
