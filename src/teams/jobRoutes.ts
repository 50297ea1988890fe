import { Application, TurnState } from '@microsoft/teams-ai';
import { ParkedJobs } from '../workflows/parkedJobs';
import { WorkflowRoutes } from './app';
import { actorOf } from './turn';

/** The partnership admins' commands for jobs Concord has stopped trying. */
export class JobRoutes implements WorkflowRoutes {
  constructor(private readonly parked: ParkedJobs) {}

  registerCommands(app: Application<TurnState>): void {
    app.message(/^\s*jobs\s*$/i, async (context) => {
      await context.sendActivity(await this.parked.list(actorOf(context)));
    });
    app.message(/^\s*retry\s+job\s+\S+\s*$/i, async (context) => {
      const code = /job\s+(\S+)/i.exec(context.activity.text ?? '')?.[1] ?? '';
      await context.sendActivity(await this.parked.retry(actorOf(context), code));
    });
  }

  registerActions(): void {
    // No cards: both are text commands.
  }
}
