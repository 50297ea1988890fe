/**
 * The load generator of `npm run bench:ack`, in a process of its own so that sending the load
 * does not share the bot's event loop. Reads one burst a line on stdin (a JSON list of requests),
 * sends them all at once, and writes each one's time and status as a JSON line on stdout.
 */
import { createInterface } from 'node:readline';

interface Request {
  url: string;
  body?: string;
}

async function one(r: Request): Promise<{ ms: number; status: number }> {
  const t = process.hrtime.bigint();
  const res = await fetch(r.url, r.body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: r.body } : {});
  await res.text();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: res.status };
}

async function main(): Promise<void> {
  for await (const line of createInterface({ input: process.stdin })) {
    const results = await Promise.all((JSON.parse(line) as Request[]).map(one));
    process.stdout.write(`${JSON.stringify(results)}\n`);
  }
}

void main();
