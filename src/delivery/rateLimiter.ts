/**
 * At most `limit` sends per `windowMs` for each key (Teams allows about 7 messages a second per
 * conversation). In-process: enough for one instance; several instances each stay under it and
 * the 429 handling covers the rest.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async take(key: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      const recent = (this.sent.get(key) ?? []).filter((t) => now - t < this.windowMs);
      if (recent.length < this.limit) {
        recent.push(now);
        this.sent.set(key, recent);
        return;
      }
      await new Promise((r) => setTimeout(r, recent[0] + this.windowMs - now + 1));
    }
  }
}
