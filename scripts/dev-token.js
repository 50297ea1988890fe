#!/usr/bin/env node
// A sign-in token for trying the Partnership tab locally, outside Teams: signed with a key pair
// kept in DATA_DIR (.data/dev-tab-keys.json), which Concord trusts only while BOT_ID is empty.
// Usage: npm run dev-token -- "Alison Bright"   (a person of the directory in use)
// Then open the printed address while `npm start` runs.
const fs = require('node:fs');
const path = require('node:path');
const { exportJWK, generateKeyPair, importJWK, SignJWT } = require('jose');

const LOCAL_TAB_AUDIENCE = 'api://localhost/concord-local-tab';

async function main() {
  if ((process.env.BOT_ID || '').trim()) throw new Error('BOT_ID is set: development tokens are for local runs only, and Concord would not accept them.');
  const name = process.argv[2];
  const directoryFile = path.resolve(process.env.DIRECTORY_FILE || 'config/partnership.sample.json');
  const directory = JSON.parse(fs.readFileSync(directoryFile, 'utf8'));
  const person = directory.people.find((p) => p.name === name);
  if (!person) throw new Error(`Name a person of ${path.relative(process.cwd(), directoryFile)}, e.g. npm run dev-token -- "Alison Bright"`);
  const keyFile = path.join(path.resolve(process.env.DATA_DIR || '.data'), 'dev-tab-keys.json');
  if (!fs.existsSync(keyFile)) {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pub = { ...(await exportJWK(publicKey)), kid: 'dev', alg: 'RS256', use: 'sig' };
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, JSON.stringify({ jwks: { keys: [pub] }, privateJwk: await exportJWK(privateKey) }), { mode: 0o600 });
  }
  const { privateJwk } = JSON.parse(fs.readFileSync(keyFile, 'utf8'));
  const tid = person.tenantId || directory.tenants[0].id;
  const token = await new SignJWT({ oid: person.aadObjectId, tid, name: person.name, ver: '2.0' })
    .setProtectedHeader({ alg: 'RS256', kid: 'dev' })
    .setIssuer(`https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience((process.env.SSO_CLIENT_ID || '').trim() || LOCAL_TAB_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(await importJWK(privateJwk, 'RS256'));
  const port = process.env.PORT || '3978';
  console.log(`http://127.0.0.1:${port}/tab/partnership#token=${token}`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
