#!/usr/bin/env node
// Makes the website events file of the segments benchmark from a generated orders export: a
// generic events table (user, email, event, time) with every customer who has an email as a
// logged-in visitor (page views, product views, sometimes carts and purchases) plus anonymous
// visitors, in time order. Seeded, so the same export always gives the same file.
//
//   node bench/make-events.mjs <orders.csv> <events.csv>
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const distDir = process.env.ORDERLENS_DIST;
const { createOrderlens } = await import(distDir ? pathToFileURL(path.join(path.resolve(distDir), 'index.js')).href : 'orderlens');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: make-events.mjs <orders.csv> <events.csv>');
  process.exit(2);
}

// mulberry32: a small seeded generator (deterministic files, no dependency).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ol = await createOrderlens();
const dataset = await ol.loadFile(input);
const c = dataset.customerColumns();
dataset.dispose();
const random = rng(7);
const end = Date.parse(`${c.endDate}T00:00:00Z`);
const days = 90;  // the events cover the last 90 days of the orders
const lines = [];
const visit = (user, email, steps) => {
  let t = end - Math.floor(random() * days) * 86400000 + Math.floor(random() * 86400000);
  for (const event of steps) {
    lines.push([t, `${user},${email},${event}`]);
    t += 1000 * (5 + Math.floor(random() * 300));
  }
};
for (let i = 0; i < c.count; ++i) {
  if (!c.email[i] || random() < 0.3) continue;  // 70% of the customers with an email visit
  const r = random();
  const steps = ['page_view'];
  if (r > 0.15) steps.push('view_item');
  if (r > 0.45) steps.push('add_to_cart');
  if (r > 0.7) steps.push('purchase');
  // Login by email on the first event only sometimes; the rest carry the email too.
  visit('', c.email[i], steps);
}
for (let v = 0; v < Math.round(c.count * 0.5); ++v) {
  const r = random();
  visit(`anon-${v}`, '', r < 0.6 ? ['page_view'] : r < 0.9 ? ['page_view', 'view_item'] : ['page_view', 'view_item', 'add_to_cart']);
}
lines.sort((a, b) => a[0] - b[0]);
const out = ['time,user_id,email,event'];
for (const [t, rest] of lines) out.push(`${new Date(t).toISOString().replace('T', ' ').slice(0, 19)},${rest}`);
fs.writeFileSync(output, `${out.join('\n')}\n`);
console.log(`${output}: ${lines.length} events, ${c.count} customers in the orders`);
