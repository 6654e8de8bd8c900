// CLV results from the core: the JSON part parsed, per-customer predictions as columns, and one
// object per customer built only when asked for (a million objects cost more than the fit).
import { customerColumnsFromCore, customersFromColumns, isoDate } from './customers.js';

const NO_DAY = -2147483648;

function withCustomerObjects(result, toObjects) {
  let cached;
  Object.defineProperty(result, 'customers', {
    enumerable: false,
    get() {
      cached ??= toObjects(result.columns);
      return cached;
    },
  });
  return result;
}

export function clvColumnsFromCore(core) {
  const columns = customerColumnsFromCore(core);
  columns.pAlive = core.pAlive;
  columns.expectedPurchases = core.expectedPurchases;
  columns.expectedSpend = core.expectedSpend;
  columns.clv = core.clv;
  columns.churnProbability = core.churnProbability;
  columns.nextOrderDate = Array.from(core.nextOrderDay, (d) => (d === NO_DAY ? null : isoDate(d)));
  columns.historicClv = core.netRevenue;
  columns.formulaClv = core.formulaClv;
  return columns;
}

const PREDICTION_KEYS = ['pAlive', 'expectedPurchases', 'expectedSpend', 'clv', 'churnProbability', 'nextOrderDate',
  'historicClv', 'formulaClv'];

export function clvCustomersFromColumns(columns) {
  const customers = customersFromColumns(columns);
  for (let i = 0; i < customers.length; ++i) for (const key of PREDICTION_KEYS) customers[i][key] = columns[key][i];
  return customers;
}

/** {…the analysis, columns} with a lazy `customers` array of objects. */
export function clvResult(json, columns) {
  return withCustomerObjects({ ...JSON.parse(json), columns }, clvCustomersFromColumns);
}

/** Rebuilds the lazy `customers` after a structured clone (Worker) dropped it. */
export function reviveClvResult(plain) {
  return withCustomerObjects(plain, clvCustomersFromColumns);
}

function arrayCustomers(columns) {
  const n = columns.pAlive.length;
  const out = new Array(n);
  for (let i = 0; i < n; ++i) {
    out[i] = {
      pAlive: columns.pAlive[i], expectedPurchases: columns.expectedPurchases[i], expectedSpend: columns.expectedSpend[i],
      clv: columns.clv[i], churnProbability: columns.churnProbability[i],
      nextPurchaseIn: Number.isFinite(columns.nextPurchaseIn[i]) ? columns.nextPurchaseIn[i] : null,
    };
  }
  return out;
}

export function clvArraysResult(core) {
  const columns = {
    pAlive: core.pAlive, expectedPurchases: core.expectedPurchases, expectedSpend: core.expectedSpend, clv: core.clv,
    churnProbability: core.churnProbability, nextPurchaseIn: core.nextPurchaseIn,
  };
  return withCustomerObjects({ ...JSON.parse(core.json), columns }, arrayCustomers);
}

export function reviveClvArraysResult(plain) {
  return withCustomerObjects(plain, arrayCustomers);
}
