import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Dependencies point inward: domain/ knows nobody; workflows/ know the domain, documents and their
 * own ports; the edges (teams/, delivery/, store/, scheduler/, cards/) know the workflows. Checked
 * here on every import in src/, with no file-level cycle anywhere.
 */
const SRC = path.resolve(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const rel = (p: string) => path.relative(SRC, p).split(path.sep).join('/');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]);
}

/** An import as a path inside src/ (e.g. "teams/turn"), or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return rel(path.resolve(path.dirname(file), spec)).replace(/\.ts$/, '');
}

const graph = new Map(files(SRC).map((f) => [rel(f).replace(/\.ts$/, ''), importsOf(f).map((s) => target(f, s))]));

/** What each inner layer may not depend on. */
const FORBIDDEN: Record<string, RegExp> = {
  'domain/': /^(workflows|teams|delivery|store|scheduler|cards|documents)\/|^(botbuilder|@microsoft\/teams-ai|@azure\/|restify)/,
  'workflows/': /^(teams|delivery|store|scheduler|cards)\/|^logger$|^(botbuilder|@microsoft\/teams-ai|@azure\/|restify)/,
};

/**
 * Imports the redesign (issue 14) has still to remove, one workflow at a time. This list only
 * shrinks: a new forbidden import fails, and so does an entry here that is no longer true.
 */
const NOT_YET_MOVED = new Set<string>([]);

function violations(): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const rule = Object.entries(FORBIDDEN).find(([layer]) => from.startsWith(layer));
    if (!rule) continue;
    for (const t of targets) if (rule[1].test(t)) out.push(`${from} -> ${t}`);
  }
  return out.sort();
}

test('workflows and the domain import nothing of the edges (teams, delivery, store, scheduler, cards) nor any SDK', () => {
  const found = violations();
  expect(found.filter((v) => !NOT_YET_MOVED.has(v))).toEqual([]);
  expect([...NOT_YET_MOVED].filter((v) => !found.includes(v))).toEqual([]);
});

test('the Bot Framework and teams-ai SDKs are used inside teams/ only, so moving to another SDK touches one folder', () => {
  const outside = [...graph].flatMap(([from, targets]) =>
    from.startsWith('teams/') ? [] : targets.filter((t) => /^(botbuilder|botframework-|@microsoft\/teams-ai)/.test(t)).map((t) => `${from} -> ${t}`),
  );
  expect(outside).toEqual([]);
});

test('no file imports itself back through others: there is no import cycle', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'visiting');
    stack.push(n);
    for (const t of graph.get(n) ?? []) {
      if (!graph.has(t)) continue;
      if (state.get(t) === 'visiting') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' -> '));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  expect(cycles).toEqual([]);
});

test('the check can fail: a workflow importing the Teams edge is found', () => {
  graph.set('workflows/__probe__', ['teams/turn']);
  try {
    expect(violations()).toContain('workflows/__probe__ -> teams/turn');
  } finally {
    graph.delete('workflows/__probe__');
  }
});
