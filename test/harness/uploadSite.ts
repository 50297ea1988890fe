import http from 'node:http';
import { AddressInfo } from 'node:net';
import AdmZip from 'adm-zip';

export interface Upload {
  name: string;
  bytes: Buffer;
  contentRange: string | undefined;
}

/**
 * Stands in for the OneDrive upload session Teams opens when a person allows a file: it takes the
 * bot's PUT and keeps the bytes, so a test can open the file the person would get.
 */
export class UploadSite {
  readonly uploads: Upload[] = [];
  private server!: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'PUT')
          this.uploads.push({ name: decodeURIComponent((req.url ?? '').slice(1)), bytes: Buffer.concat(chunks), contentRange: req.headers['content-range'] });
        // Not writeHead(...).end(): restify, loaded in the same test process, patches the response prototype.
        res.statusCode = req.method === 'PUT' ? 201 : 405;
        res.end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** What Teams puts in `uploadInfo` for a file of this name. */
  uploadInfo(name: string) {
    return {
      name,
      uploadUrl: `${this.url}/${encodeURIComponent(name)}`,
      contentUrl: `https://onedrive.example/${encodeURIComponent(name)}`,
      uniqueId: `file-${this.uploads.length + 1}`,
      fileType: name.split('.').pop(),
    };
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** The text of a Word document, read back from its XML as Word would show it, paragraph by paragraph. */
export function wordText(bytes: Buffer): string {
  const xml = new AdmZip(bytes).readAsText('word/document.xml');
  if (!xml) throw new Error('not a Word document: no word/document.xml');
  // Word refuses a document whose XML holds a character XML 1.0 does not allow ("unreadable content").
  const unreadable = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (unreadable) throw new Error(`Word would not open it: U+${unreadable[0].codePointAt(0)!.toString(16).toUpperCase()} in word/document.xml`);
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .map((t) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}
