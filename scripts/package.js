#!/usr/bin/env node
// Builds the installable Teams app: appPackage/manifest.json with its ${{NAME}} placeholders
// filled from the environment, zipped with the two icons into build/concord-teams-app.zip.
// Usage: BOT_ID=... TEAMS_APP_ID=... BOT_DOMAIN=concord.example.org npm run package
const fs = require('node:fs');
const path = require('node:path');
const AdmZip = require('adm-zip');

const root = path.join(__dirname, '..');
const defaults = {
  APP_VERSION: require(path.join(root, 'package.json')).version,
  PARTNERSHIP_NAME: 'Westmoor Safeguarding (sample)', // at most 32 characters
  PARTNERSHIP_WEBSITE: 'https://www.example.org',
};

function fill(template, env) {
  // The Partnership tab's SSO app: by default the bot's own app registration, exposing api://<domain>/<id>.
  const ssoClientId = env.SSO_CLIENT_ID || env.BOT_ID;
  env = {
    SSO_CLIENT_ID: ssoClientId,
    SSO_APP_ID_URI: env.SSO_APP_ID_URI || (ssoClientId && env.BOT_DOMAIN ? `api://${env.BOT_DOMAIN}/${ssoClientId}` : ''),
    ...env,
  };
  const missing = new Set();
  const out = template.replace(/\$\{\{([A-Z_]+)\}\}/g, (_, name) => {
    const value = env[name] ?? defaults[name];
    if (!value) missing.add(name);
    return value ?? '';
  });
  // Without a bot id the SSO values cannot be derived: asking for the bot id says it all.
  if (missing.has('BOT_ID') && !env.SSO_CLIENT_ID) ['SSO_CLIENT_ID', 'SSO_APP_ID_URI'].forEach((n) => missing.delete(n));
  return { out, missing: [...missing] };
}

function main() {
  const template = fs.readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8');
  const { out, missing } = fill(template, process.env);
  if (missing.length) {
    console.error(`Set ${missing.join(', ')} in the environment (see env.sample), then run npm run package again.`);
    process.exit(2);
  }
  JSON.parse(out); // a value that breaks the JSON stops here, not in Teams
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(out, 'utf8'));
  zip.addLocalFile(path.join(root, 'appPackage', 'color.png'));
  zip.addLocalFile(path.join(root, 'appPackage', 'outline.png'));
  const target = path.join(root, 'build', 'concord-teams-app.zip');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  zip.writeZip(target);
  console.log(`wrote ${path.relative(root, target)}`);
}

if (require.main === module) main();
module.exports = { fill };
