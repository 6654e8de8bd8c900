// The CLV workload through the npm package (dist/) in Node, one JSON line on stdout:
//   - a simulated population of --customers (default 1,000,000) BG/NBD customers in whole days,
//     T of 30-730 days, with Gamma-Gamma spend; timed: clvFit (compress, fit BG/NBD and
//     Gamma-Gamma with standard errors, predict P(alive), expected purchases, CLV, churn, next
//     order for every customer), best of --reps;
//   - the CDNOW sample, read and summarized in weeks to 1997-09-30; timed per model: clvFit with
//     spend 'none' (BG/NBD, MBG/NBD, Pareto/NBD), and BG/NBD with Gamma-Gamma.
// Used by bench/clv.mjs; the population and parameters are those of bench/native_clv_bench.cpp.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const dist = process.env.ORDERLENS_DIST ?? path.resolve(import.meta.dirname, '../dist');
const { createOrderlens } = await import(path.join(dist, 'index.js'));
const cdnowFile = args.find((a) => !a.startsWith('--') && a.endsWith('.csv'));
const customers = option('--customers', 1_000_000);
const reps = option('--reps', 3);

const ol = await createOrderlens();
let start = performance.now();
const pop = ol.simulateCustomers({
  model: 'bgnbd', params: { r: 0.8, alpha: 80, a: 0.6, b: 3.0 }, spend: { p: 6, q: 4, v: 15 },
  customers, seed: 1, minT: 30, maxT: 730, wholeDays: true,
});
const simulateMs = performance.now() - start;

let best = Infinity;
let result;
for (let r = 0; r < reps; ++r) {
  start = performance.now();
  result = ol.clvFit(pop);
  best = Math.min(best, performance.now() - start);
}
const clvTotal = result.columns.clv.reduce((s, v) => s + v, 0);
const out = {
  simulateMs,
  fitPredict: {
    customers, ms: best, distinctRows: result.transactions.distinctRows, status: result.transactions.status,
    params: Object.values(result.transactions.params), spendParams: Object.values(result.spend.params), clvTotal,
  },
};

const ds = await ol.load(fs.readFileSync(cdnowFile));
const c = ds.customerColumns({ unit: 'weeks', endDate: '1997-09-30' });
const cdnow = {};
for (const model of ['bgnbd', 'mbgnbd', 'pnbd']) {
  let fastest = Infinity;
  let fit;
  for (let r = 0; r < reps; ++r) {
    start = performance.now();
    fit = ol.clvFit({ frequency: c.frequency, recency: c.recency, T: c.T }, { model, unit: 'weeks', spend: 'none', predict: false });
    fastest = Math.min(fastest, performance.now() - start);
  }
  cdnow[model] = { ms: fastest, logLikelihood: fit.transactions.logLikelihood };
}
let fastest = Infinity;
let gg;
for (let r = 0; r < reps; ++r) {
  start = performance.now();
  gg = ol.clvFit({ frequency: c.frequency, recency: c.recency, T: c.T, monetary: c.monetary }, { unit: 'weeks', predict: false });
  fastest = Math.min(fastest, performance.now() - start);
}
cdnow.bgnbd_gg = { ms: fastest, logLikelihood: gg.spend.logLikelihood };
out.cdnow = cdnow;
out.peakRssMb = +(process.resourceUsage().maxRSS / 1024).toFixed(1);
console.log(JSON.stringify(out));
