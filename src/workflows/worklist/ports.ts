/**
 * The worklist's index: for each holder (a person, or a role's holder key), the cases they may
 * have work in. Rows are added as people are told about a case, so `mine` reads one partition a
 * holder and the cases named there, never a whole table. store/workIndex.ts implements it.
 */
export interface IndexedCase {
  reference: string;
  /** Opaque: removing the row succeeds only if nobody indexed the case again since it was read. */
  version: string;
}

export interface WorkIndex {
  casesOf(holder: string): Promise<IndexedCase[]>;
  add(holders: string[], reference: string): Promise<void>;
  /** Forget a settled case for a holder, unless it was indexed again meanwhile. */
  remove(holder: string, indexed: IndexedCase): Promise<void>;
}
