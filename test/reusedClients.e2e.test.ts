import type { CloudAdapter } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { WorkflowRoutes } from '../src/teams/app';
import { World } from './harness/world';

/**
 * The clients botbuilder gives each turn (the connector client for replies, the user-token client)
 * hold nothing of the activity: every turn gets the same ones, not a new HTTP pipeline each.
 */
const seen: { connector: unknown; userToken: unknown }[] = [];
const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Done' }] } as const;
const clientsOfTheTurn: WorkflowRoutes = {
  registerCommands: () => undefined,
  registerActions: (app: Application<TurnState>) => {
    app.adaptiveCards.actionExecute('test.clients', async (context) => {
      seen.push({
        connector: context.turnState.get(context.adapter.ConnectorClientKey),
        userToken: context.turnState.get((context.adapter as CloudAdapter).UserTokenClientKey),
      });
      return CARD;
    });
  },
};

let world: World;
afterAll(async () => world?.stop());

test('turns of different people share one connector client and one user-token client', async () => {
  world = await World.start({ extraRoutes: [clientsOfTheTurn] });
  const people = await world.install('Nia Evans', 'Sam Okafor', 'Kim Lee');
  for (const p of people) expect((await p.invoke('test.clients', {})).http.status).toBe(200);
  await Promise.all(people.map((p) => p.invoke('test.clients', {})));
  expect(seen).toHaveLength(6);
  expect(seen[0].connector).toBeDefined();
  expect(seen[0].userToken).toBeDefined();
  expect(new Set(seen.map((s) => s.connector)).size).toBe(1);
  expect(new Set(seen.map((s) => s.userToken)).size).toBe(1);
});
