import { Counters } from './caseFacts';
import { FiguresStore } from './figuresStore';
import { MinutesMeasured, MinutesMeasures } from '../workflows/minutes/ports';

/** One case's minutes counters, in the measure's words. */
export function measured(c: Counters): MinutesMeasured {
  return {
    circulated: c['minutes.circulated'] === 1,
    onTime: c['minutes.withinDay'] === 1,
    minutesToCirculation: c['minutes.minutesToCirculation'] ?? 0,
    fullyConfirmed: c['minutes.fullyConfirmed'] === 1,
  };
}

/**
 * The minutes measure read from the partnership's monthly figures (one row per case a month, kept
 * by the projector as events happen): a month's report reads that month's rows only. Whatever the
 * projector has not counted yet (the last second or two of events) is counted first, so the report
 * is as exact as the records.
 */
export class FiguresMinutesMeasures implements MinutesMeasures {
  constructor(
    private readonly figures: FiguresStore,
    private readonly catchUp: () => Promise<void>,
  ) {}

  async endedIn(month: string): Promise<MinutesMeasured[]> {
    await this.catchUp();
    return (await this.figures.cases(month)).filter((c) => c['minutes.ended']).map(measured);
  }
}
