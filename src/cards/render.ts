import * as ACData from 'adaptivecards-templating';

/**
 * Cards are JSON templates (Adaptive Cards 1.5, the highest Teams renders) expanded with a view
 * model. The template owns layout; the view model owns wording that depends on state.
 */
export function renderCard(template: object, data: object): Record<string, unknown> {
  return new ACData.Template(template).expand({ $root: data }) as Record<string, unknown>;
}
