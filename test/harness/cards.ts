/** Reads Adaptive Cards the way a person does: by the labels of inputs and the titles of buttons. */

type Node = Record<string, any>;

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node && typeof node === 'object') {
    visit(node);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

export function actions(card: Node): Node[] {
  const out: Node[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && n !== card.refresh?.action) out.push(n);
  });
  return out;
}

export function buttonTitles(card: Node): string[] {
  return actions(card).map((a) => a.title);
}

export function action(card: Node, title: string): Node {
  const found = actions(card).find((a) => a.title === title);
  if (!found) throw new Error(`no button "${title}" on the card; it has: ${buttonTitles(card).join(' | ')}`);
  return found;
}

export function inputs(card: Node): Node[] {
  const out: Node[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) out.push(n);
  });
  return out;
}

/** The input with this label, if the card has one. */
export function findInput(card: Node, label: string): Node | undefined {
  // A label may state its limit ("… (up to 2,000 characters)"): a person reads it by its words.
  return inputs(card).find((i) => i.label === label || String(i.label).replace(/ \(up to [\d,]+ characters\)$/, '') === label);
}

export function input(card: Node, label: string): Node {
  const found = findInput(card, label);
  if (!found)
    throw new Error(
      `no input labelled "${label}"; labels: ${inputs(card)
        .map((i) => i.label)
        .join(' | ')}`,
    );
  return found;
}

/** Every text a person can read on the card, in order, one per line. */
export function text(card: Node): string {
  const out: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    if (n.type === 'TextRun' && typeof n.text === 'string') out.push(n.text);
    if (n.type === 'FactSet') for (const f of n.facts ?? []) out.push(`${f.title} ${f.value}`);
  });
  return out.join('\n');
}

export type Answer = string | string[] | boolean;

/**
 * The values Teams would send for these answers: choice titles become their values, several
 * choices are joined with commas, toggles become their on/off values. Inputs not answered keep
 * the card's own value, as in Teams.
 */
export function fill(card: Node, answers: Record<string, Answer>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const i of inputs(card)) if (i.value !== undefined) values[i.id] = String(i.value);
  for (const [label, answer] of Object.entries(answers)) {
    const i = input(card, label);
    if (i.type === 'Input.ChoiceSet') {
      const titles = Array.isArray(answer) ? answer : answer === '' ? [] : [String(answer)];
      values[i.id] = titles
        .map((t) => {
          // A person picks a choice by what it starts with: a name, before the job title.
          const c = (i.choices ?? []).find((c: Node) => c.title === t || c.title.startsWith(`${t},`));
          if (!c) throw new Error(`"${label}" has no choice "${t}"; it has: ${(i.choices ?? []).map((c: Node) => c.title).join(' | ')}`);
          return c.value;
        })
        .join(',');
    } else if (i.type === 'Input.Toggle') {
      values[i.id] = answer ? (i.valueOn ?? 'true') : (i.valueOff ?? 'false');
    } else {
      values[i.id] = String(answer);
    }
  }
  return values;
}
