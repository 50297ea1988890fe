#!/usr/bin/env node
// Merges a downloaded copy of the UK government's bank-holidays.json (england-and-wales) into
// data/bank-holidays.england-and-wales.json. Published dates replace computed ones year by year;
// years the download does not cover are kept as they are.
// Usage: node scripts/refresh-bank-holidays.js path/to/bank-holidays.json
const fs = require('node:fs');
const path = require('node:path');

const [file] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node scripts/refresh-bank-holidays.js path/to/bank-holidays.json');
  process.exit(2);
}
const target = path.join(__dirname, '..', 'data', 'bank-holidays.england-and-wales.json');
const published = JSON.parse(fs.readFileSync(file, 'utf8'))['england-and-wales'].events;
const current = JSON.parse(fs.readFileSync(target, 'utf8'));
const years = new Set(published.map((e) => e.date.slice(0, 4)));
const kept = current.events.filter((e) => !years.has(e.date.slice(0, 4)));
current.events = [...kept, ...published.map((e) => ({ date: e.date, title: e.title }))].sort((a, b) => a.date.localeCompare(b.date));
current.retrieved = new Date().toISOString().slice(0, 10);
fs.writeFileSync(target, JSON.stringify(current, null, 1) + '\n');
console.log(`Updated ${target}: ${published.length} published dates for ${[...years].sort().join(', ')}.`);
