import { Application, TurnState } from '@microsoft/teams-ai';
import { Absences } from '../workflows/absences';
import { WorkflowRoutes } from './app';
import { actorOf } from './turn';

/** `away until 2026-12-04 cover Omar Haddad`, optionally `for <name or email>` and `from <date>`. */
const AWAY = /^\s*away(?:\s+for\s+(.+?))?(?:\s+from\s+(\S+))?\s+until\s+(\S+)(?:\s+cover\s+(.+?))?\s*$/i;
const BACK = /^\s*back(?:\s+for\s+(.+?))?\s*$/i;
const HOW =
  'Say it as “away until 2026-12-04 cover Omar Haddad” (the cover’s name as the directory has it, or their email; leave the cover out for your manager), “away from 2026-12-21 until 2027-01-04 …” for leave to come, and “back” when you return. A manager adds “for <name>”: “away for Dee Walsh until …”.';

/** Saying in chat that someone is away, and back (workflows/absences.ts). */
export class AbsenceRoutes implements WorkflowRoutes {
  constructor(private readonly absences: Absences) {}

  registerCommands(app: Application<TurnState>): void {
    app.message(/^\s*away\b/i, async (context) => {
      const actor = actorOf(context);
      const words = context.activity.text ?? '';
      if (/^\s*away\s*$/i.test(words)) return void (await context.sendActivity(this.absences.show(actor)));
      const m = AWAY.exec(words);
      if (!m) return void (await context.sendActivity(HOW));
      await context.sendActivity(await this.absences.away(actor, { for: m[1], from: m[2], until: m[3], cover: m[4] }));
    });
    app.message(BACK, async (context) => {
      const m = BACK.exec(context.activity.text ?? '')!;
      await context.sendActivity(await this.absences.back(actorOf(context), m[1]));
    });
  }

  registerActions(): void {}
}
