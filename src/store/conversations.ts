import { encodeKey, readJson, Tables } from './tables';

/** A Bot Framework conversation reference, kept as Teams gave it: opaque to storage. */
export type ConversationAddress = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Where Concord can reach people and channels. A personal (1:1) reference is what proactive
 * messages need; a person only seen in a team or group chat is kept as a member, enough to open
 * a 1:1 chat with them through the connector.
 */
export interface PersonAddress {
  aadObjectId: string;
  /** The Teams user id (29:...) that the connector knows them by. */
  userId: string;
  tenantId: string;
  serviceUrl: string;
  /** Present once Concord has a 1:1 conversation with them. */
  personal?: ConversationAddress;
  /** The bot's own account as the connector sees it, needed to open a 1:1 conversation. */
  bot?: { id: string; name?: string };
}

export class ConversationStore {
  /** What this instance last read or wrote per person: most activities change nothing, so skip the write. */
  private readonly known = new Map<string, string>();

  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('conversations');
  }

  person(aadObjectId: string): Promise<PersonAddress | undefined> {
    return readJson<PersonAddress>(this.client, 'person', encodeKey(aadObjectId.toLowerCase()));
  }

  /**
   * A person's Teams user id (for a card's refresh), which never changes: from what this instance
   * last read or wrote for them, else read. A fan-out to sixty people reads none of them again.
   */
  async userId(aadObjectId: string): Promise<string | undefined> {
    const key = aadObjectId.toLowerCase();
    const known = this.known.get(key);
    if (known) return (JSON.parse(known) as PersonAddress).userId;
    const read = await this.person(aadObjectId);
    if (read) this.known.set(key, JSON.stringify(read));
    return read?.userId;
  }

  /** A personal reference always wins over a member address; a member address never replaces one. */
  async savePerson(address: PersonAddress): Promise<void> {
    const key = address.aadObjectId.toLowerCase();
    const cached = this.known.get(key);
    const existing = cached ? (JSON.parse(cached) as PersonAddress) : await this.person(address.aadObjectId);
    const merged: PersonAddress = { ...existing, ...address, personal: address.personal ?? existing?.personal };
    const json = JSON.stringify(merged);
    if (existing && JSON.stringify(existing) === json) {
      this.known.set(key, json);
      return;
    }
    await this.client.upsertEntity({ partitionKey: 'person', rowKey: encodeKey(key), json }, 'Replace');
    this.known.set(key, json);
  }

  channel(conversationId: string): Promise<ConversationAddress | undefined> {
    return readJson<ConversationAddress>(this.client, 'channel', encodeKey(conversationId));
  }

  async saveChannel(reference: ConversationAddress): Promise<void> {
    const id = (reference.conversation as { id?: string } | undefined)?.id;
    if (!id) return;
    const json = JSON.stringify(reference);
    if (this.known.get(`channel|${id}`) === json) return;
    await this.client.upsertEntity({ partitionKey: 'channel', rowKey: encodeKey(id), json }, 'Replace');
    this.known.set(`channel|${id}`, json);
  }
}
