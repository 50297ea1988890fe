import { CaseThreads, KnownCase, LinkReason, NhsNumbers } from '../../src/workflows/governance/ports';

/** Threads and NHS numbers in memory: links both ways, numbers as given (no key needed in a test). */
export class InMemoryThreads implements CaseThreads, NhsNumbers {
  private readonly links = new Map<string, Set<string>>();
  private readonly numbers = new Map<string, KnownCase[]>();

  async link(a: string, b: string, _why: LinkReason): Promise<boolean> {
    if (a === b || this.links.get(a)?.has(b)) return false;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ])
      (this.links.get(x) ?? this.links.set(x, new Set()).get(x)!).add(y);
    return true;
  }

  async thread(reference: string): Promise<string[]> {
    const seen = new Set([reference]);
    const todo = [reference];
    while (todo.length)
      for (const r of this.links.get(todo.pop()!) ?? []) {
        if (seen.has(r)) continue;
        seen.add(r);
        todo.push(r);
      }
    seen.delete(reference);
    return [...seen].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  }

  async unlink(reference: string): Promise<void> {
    for (const other of this.links.get(reference) ?? []) this.links.get(other)?.delete(reference);
    this.links.delete(reference);
  }

  async remember(nhsNumber: string, reference: string, at: string): Promise<KnownCase[]> {
    const known = this.numbers.get(nhsNumber) ?? [];
    const earlier = known.filter((k) => k.reference !== reference);
    this.numbers.set(nhsNumber, [...earlier, { reference, at }]);
    return earlier;
  }

  async forget(reference: string): Promise<void> {
    for (const [n, cases] of this.numbers)
      this.numbers.set(
        n,
        cases.filter((c) => c.reference !== reference),
      );
  }
}
