import * as ACData from 'adaptivecards-templating';

/** Parsing a template's expressions is most of the cost of expanding it: parse each template once. */
const parsed = new WeakMap<object, ACData.Template>();

/**
 * Cards are JSON templates (Adaptive Cards 1.5, the highest Teams renders) expanded with a view
 * model. The template owns layout; the view model owns wording that depends on state.
 */
export function renderCard(template: object, data: object): Record<string, unknown> {
  let t = parsed.get(template);
  if (!t) {
    t = new ACData.Template(template);
    parsed.set(template, t);
  }
  return t.expand({ $root: data }) as Record<string, unknown>;
}
