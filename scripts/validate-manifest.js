#!/usr/bin/env node
// Checks a Teams app manifest against the official schema bundled in @microsoft/app-manifest
// (offline). Prints the problems as a JSON array; exits 1 if there are any.
// Usage: node scripts/validate-manifest.js build/concord-teams-app.zip   (or a manifest.json)
const fs = require('node:fs');
const path = require('node:path');
const AdmZip = require('adm-zip');
const { ManifestUtil } = require('@microsoft/app-manifest');

async function main() {
  const [file] = process.argv.slice(2);
  const text = file.endsWith('.zip') ? new AdmZip(file).readAsText('manifest.json') : fs.readFileSync(file, 'utf8');
  const manifest = JSON.parse(text);
  // validateManifest() downloads the schema named by $schema; use the bundled copy of the same version.
  const version = manifest.manifestVersion;
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = path.join(root, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(schemaFile)) throw new Error(`no bundled schema for manifest version ${version}`);
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  console.log(JSON.stringify(errors));
  process.exit(errors.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(2);
});
