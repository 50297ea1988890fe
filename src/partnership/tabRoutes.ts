import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import restify from 'restify';
import { Directory } from '../domain/directory';
import { AuditLog } from '../store/auditLog';
import { RefusalTally } from '../refusalTally';
import { figuresCsv, monthRange, present } from './figures';
import { FiguresStore } from './figuresStore';
import { TabSignIn } from './tabSignIn';
import { logger } from '../logger';

/** The project root, whether running from src/ (tests) or dist/src/ (npm start). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

/** Teams shows the tab in a frame: only Teams and Microsoft 365 may frame it; everything it loads is Concord's own. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
    'frame-ancestors teams.microsoft.com *.teams.microsoft.com *.office.com *.cloud.microsoft',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

export interface PartnershipTabDeps {
  signIn: TabSignIn;
  figures: FiguresStore;
  directory: Directory;
  audit: AuditLog;
  /** Refusals before anyone is known are tallied (a flood costs the audit log a row a minute). */
  refusals: RefusalTally;
  /** The current month, YYYY-MM in the partnership's zone: the default end of the period. */
  thisMonth: () => string;
}

/**
 * The Partnership tab: the page, its scripts (Chart.js and TeamsJS from node_modules, no CDN), and
 * the figures as JSON and CSV for a signed-in partnership admin or viewer.
 */
export function registerPartnershipTab(server: restify.Server, deps: PartnershipTabDeps): void {
  const root = projectRoot();
  const files: Record<string, [string, string]> = {
    '/tab/partnership': ['tab/partnership/index.html', 'text/html; charset=utf-8'],
    '/tab/partnership/page.js': ['tab/partnership/page.js', 'text/javascript; charset=utf-8'],
    '/tab/partnership/page.css': ['tab/partnership/page.css', 'text/css; charset=utf-8'],
    '/tab/partnership/chart.js': ['node_modules/chart.js/dist/chart.umd.min.js', 'text/javascript; charset=utf-8'],
    '/tab/partnership/teams-js.js': ['node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js', 'text/javascript; charset=utf-8'],
  };
  for (const [route, [file, type]] of Object.entries(files)) {
    const body = readFileSync(path.join(root, file));
    server.get(route, async (_req: restify.Request, res: restify.Response) => {
      res.writeHead(200, { 'Content-Type': type, ...PAGE_HEADERS });
      res.end(body);
    });
  }

  const answer = async (req: restify.Request, res: restify.Response, format: 'json' | 'csv') => {
    const who = await deps.signIn.check(req.headers.authorization);
    if (!who.ok) {
      // Someone known who lacks the role is audited as themselves; anyone else is tallied.
      if (who.person)
        await deps.audit.record({
          subject: 'access',
          action: 'refused.not-admin',
          actorAadObjectId: who.person.aadObjectId,
          tenantId: who.tenantId,
          detail: 'partnership figures',
        });
      else await deps.refusals.refuse(`refused.tab-${who.reason}`, 'partnership figures');
      res.send(who.status, { error: who.message });
      return;
    }
    const query = new URL(req.url ?? '', 'http://concord').searchParams;
    const to = query.get('to') || deps.thisMonth();
    const months = monthRange(query.get('from') || to, to);
    if (!months) {
      res.send(400, { error: 'Give the period as from=YYYY-MM and to=YYYY-MM, at most 24 months, from before to.' });
      return;
    }
    const shown = present(deps.directory, months, await deps.figures.months(months[0], months[months.length - 1]));
    if (format === 'json') {
      res.send(200, shown, { 'Cache-Control': 'no-store' });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="partnership-figures-${shown.from}-to-${shown.to}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(figuresCsv(shown));
  };
  const guarded = (format: 'json' | 'csv') => async (req: restify.Request, res: restify.Response) => {
    try {
      await answer(req, res, format);
    } catch (e) {
      logger.error('partnership figures failed', { error: (e as Error).name });
      if (!res.headersSent) res.send(500, { error: 'The figures could not be read just now. Try again in a minute.' });
    }
  };
  server.get('/api/partnership/figures', guarded('json'));
  server.get('/api/partnership/figures.csv', guarded('csv'));
}
