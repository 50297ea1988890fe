/**
 * Structured, one-line logs. Callers pass identifiers and counts only, never free text from a
 * card or a message: that text may identify a child.
 */
type Fields = Record<string, string | number | boolean | undefined>;

function write(level: 'info' | 'warn' | 'error', message: string, fields?: Fields): void {
  if (process.env.CONCORD_QUIET === '1' && level === 'info') return;
  const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
  (level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

export const logger = {
  info: (m: string, f?: Fields) => write('info', m, f),
  warn: (m: string, f?: Fields) => write('warn', m, f),
  error: (m: string, f?: Fields) => write('error', m, f),
};
