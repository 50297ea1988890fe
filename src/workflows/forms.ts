/**
 * Card forms, named once: each form's field names are a type declared beside the use case that
 * reads them; its card template writes every input id through that type (cards/inputs.ts) and the
 * verb table (teams/verbs.ts) parses the same names, so a renamed input fails the build.
 */
export type Form<F extends string> = Partial<Record<F, string>>;
