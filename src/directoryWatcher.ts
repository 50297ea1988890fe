import { createHash } from 'node:crypto';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { Directory } from './domain/directory';
import { logger } from './logger';
import { Outbox } from './delivery/outbox';
import { DirectoryReload } from './workflows/directoryReload';

const POLL_MS = 1000;

/**
 * Watches the directory file (by polling its modification time: editors and deployments replace
 * files, which a native watch would lose) and reloads it when it changes. A file with a problem
 * keeps the directory in use, and the partnership administrators are told what is wrong, once per
 * version of the file.
 */
export function watchDirectoryFile(file: string, reload: DirectoryReload, directory: Directory, outbox: Outbox): () => void {
  let running = Promise.resolve();
  const changed = () => {
    running = running
      .then(async () => {
        const result = await reload.fileChanged();
        if (result.loaded) {
          logger.info('directory reloaded', { people: result.people, added: result.added.length, removed: result.removed.length });
          return;
        }
        logger.warn('directory file has a problem; the directory in use is unchanged');
        const version = fingerprint(file);
        await outbox.sendAll(
          directory.administrators().map((admin) => ({
            key: `directory|${version}|${admin.aadObjectId}`,
            subject: 'directory',
            to: { person: admin.aadObjectId },
            message: { summary: 'Concord: the changed partnership directory was not loaded; the one in use is unchanged', detail: result.problem },
          })),
        );
      })
      .catch((e: Error) => logger.error('directory reload failed', { error: e.name }));
  };
  watchFile(file, { interval: POLL_MS, persistent: false }, (now, before) => {
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) changed();
  });
  return () => unwatchFile(file);
}

function fingerprint(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  } catch {
    return 'unreadable';
  }
}
