import * as ACData from 'adaptivecards-templating';

/** Parsing a template's expressions is most of the cost of expanding it: parse each template once. */
const parsed = new WeakMap<object, ACData.Template>();

declare const viewModel: unique symbol;

/**
 * A card template and, in its type only, the view model it expands (its `$root`): the template
 * module declares both, so a builder that leaves out a field or misspells one fails tsc.
 */
export type Template<VM> = object & { readonly [viewModel]: VM };

export const template = <VM>(card: object): Template<VM> => card as Template<VM>;

/**
 * Cards are JSON templates (Adaptive Cards 1.5, the highest Teams renders) expanded with a view
 * model. The template owns layout; the view model owns wording that depends on state. The view
 * model's type comes from the template alone (NoInfer), never from the data given.
 */
/**
 * The most a card that grows with its case may hold, as JSON characters: 80 KB in UTF-16, Teams'
 * recommended message size (its limit is 100 KB; a card over it is refused for every reader).
 */
export const CARD_CHARS = 40_000;

export function renderCard<VM>(t: Template<VM>, data: NoInfer<VM>): Record<string, unknown> {
  let p = parsed.get(t);
  if (!p) {
    p = new ACData.Template(t);
    parsed.set(t, p);
  }
  return p.expand({ $root: data }) as Record<string, unknown>;
}
