import { Notice, Tell } from '../../src/workflows/notices';

/** Records what use cases tell, once per key, as the outbox delivers. */
export class RecordingTell implements Tell {
  readonly told: Notice[] = [];
  async tell(notices: Notice[]): Promise<void> {
    for (const n of notices) if (!this.told.some((t) => t.key === n.key)) this.told.push(n);
  }
  async replace(notice: Notice): Promise<boolean> {
    const i = this.told.findIndex((t) => t.key === notice.key);
    if (i < 0) return false;
    this.told[i] = notice;
    return true;
  }
  async replaceLater(notices: Notice[]): Promise<void> {
    for (const n of notices) await this.replace(n);
  }
  async replaceEarlier(notice: Notice): Promise<void> {
    const to = JSON.stringify(notice.to);
    this.told.forEach((t, i) => {
      if (t.about === notice.about && JSON.stringify(t.to) === to && t.key !== notice.key) this.told[i] = { ...notice, key: t.key };
    });
  }
  async replaceNewest(notice: Notice): Promise<boolean> {
    const to = JSON.stringify(notice.to);
    const i = this.told.map((t) => t.about === notice.about && JSON.stringify(t.to) === to).lastIndexOf(true);
    if (i < 0) return false;
    this.told[i] = { ...notice, key: this.told[i].key };
    return true;
  }
  /** What was told since the last call, and forget it. */
  take(): Notice[] {
    return this.told.splice(0);
  }
  ofKind<K extends Notice['kind']>(kind: K): Notice<K>[] {
    return this.told.filter((n) => n.kind === kind) as unknown as Notice<K>[];
  }
  /** What one person was told, of one kind. */
  to<K extends Notice['kind']>(person: string, kind: K): Notice<K>[] {
    return this.told.filter((n) => n.kind === kind && 'person' in n.to && n.to.person === person) as unknown as Notice<K>[];
  }
}
