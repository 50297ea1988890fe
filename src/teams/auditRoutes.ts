import { Application, TurnState } from '@microsoft/teams-ai';
import { AuditCheck } from '../workflows/auditCheck';
import { WorkflowRoutes } from './app';
import { actorOf } from './turn';

export class AuditRoutes implements WorkflowRoutes {
  constructor(private readonly check: AuditCheck) {}

  registerCommands(app: Application<TurnState>): void {
    app.message(/^\s*verify audit\s*$/i, async (context) => {
      await context.sendActivity(await this.check.verify(actorOf(context)));
    });
  }

  registerActions(): void {
    // A command only: no card verbs.
  }
}
