/** A clock that stands still until a test moves it. */
export class FixedClock {
  constructor(private at: Date) {}
  readonly now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
  set(at: string | Date): void {
    this.at = new Date(at);
  }
}

export const HOUR = 3_600_000;
