import type { ParkedJob, ParkedWork } from '../workflows/parkedJobs';
import { JobStore } from './jobStore';
import { Sweeper } from './sweeper';

/** The parked jobs of the jobs table, and the sweeper that runs them again. */
export class SchedulerParkedWork implements ParkedWork {
  constructor(
    private readonly jobs: JobStore,
    private readonly sweeper: Sweeper,
  ) {}

  parked(): Promise<ParkedJob[]> {
    return this.jobs.parked();
  }

  async retry(id: string): Promise<boolean> {
    return (await this.jobs.retry(id)) !== undefined;
  }

  poke(): void {
    this.sweeper.poke();
  }

  whenParked(listener: (job: ParkedJob, firstTime: boolean) => Promise<void>): void {
    this.sweeper.whenParked(listener);
  }
}
