import { Directory, DirectoryData } from '../domain/directory';
import { Refused } from '../domain/refusals';
import { AuditTrail } from './ports';
import { Actor } from './actor';

export type ReloadResult = { loaded: true; people: number; added: string[]; removed: string[] } | { loaded: false; problem: string };

/**
 * A partnership changes its people without a restart: the new file is read and checked as at
 * start-up; a file with any problem leaves the directory as it was. Either way it is audited.
 */
export class DirectoryReload {
  constructor(
    private readonly directory: Directory,
    private readonly read: () => DirectoryData,
    private readonly audit: AuditTrail,
  ) {}

  /** `reload directory`, by a partnership administrator. */
  async byAdmin(actor: Actor): Promise<ReloadResult> {
    if (!actor.person.roles.includes('partnership-admin')) {
      throw new Refused('not-admin', 'Only partnership administrators can reload the directory.');
    }
    return this.reload(actor);
  }

  /** The file changed on disk. */
  fileChanged(): Promise<ReloadResult> {
    return this.reload();
  }

  private async reload(actor?: Actor): Promise<ReloadResult> {
    let data: DirectoryData;
    try {
      data = this.read();
    } catch (e) {
      await this.audit.record({
        subject: 'directory',
        action: 'directory.reload-refused',
        actorAadObjectId: actor?.person.aadObjectId,
        tenantId: actor?.tenantId,
        detail: actor ? 'by an administrator' : 'file changed',
      });
      return { loaded: false, problem: (e as Error).message };
    }
    const before = new Set(this.directory.data.people.map((p) => p.aadObjectId.toLowerCase()));
    const after = new Set(data.people.map((p) => p.aadObjectId.toLowerCase()));
    const added = data.people.filter((p) => !before.has(p.aadObjectId.toLowerCase())).map((p) => p.name);
    const removed = this.directory.data.people.filter((p) => !after.has(p.aadObjectId.toLowerCase())).map((p) => p.name);
    this.directory.replace(data);
    await this.audit.record({
      subject: 'directory',
      action: 'directory.reloaded',
      actorAadObjectId: actor?.person.aadObjectId,
      tenantId: actor?.tenantId,
      detail: `${data.people.length} people (${added.length} added, ${removed.length} removed)${actor ? '' : ', file changed'}`,
    });
    return { loaded: true, people: data.people.length, added, removed };
  }
}
