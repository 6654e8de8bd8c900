// Type declarations of the orderlens npm package (hand-written: Emscripten 3.1.6 cannot generate
// them). Checked by `tsc --noEmit` against tests/types/usage.ts. Names mirror the C++ result
// types (snake_case there, camelCase here); docs/ingestion.md defines every field.

/** Where a column role is found: a header name, a 1-based column number, a list (first non-empty), or null to unmap. */
export type ColumnSpec = string | number | Array<string | number> | null;

export type ColumnRole =
  | 'orderId' | 'customerId' | 'email' | 'phone' | 'customerName' | 'orderDate' | 'paidDate' | 'orderTotal'
  | 'refundedAmount' | 'lineTotal' | 'unitPrice' | 'quantity' | 'productId' | 'productName' | 'vendor' | 'category'
  | 'status' | 'cancelledAt' | 'channel' | 'coupon' | 'currency' | 'referrer' | 'attribution';

export type PresetKey = 'auto' | 'shopify' | 'woocommerce' | 'woocommerce_analytics' | 'cafe24' | 'smartstore' | 'stripe' | 'generic';
export type OrderStatusName = 'paid' | 'partially_refunded' | 'refunded' | 'cancelled' | 'pending';

export interface IngestOptions {
  /** Name used in messages (default: the File's name, else "input"). */
  fileName?: string;
  encoding?: 'auto' | 'utf-8' | 'cp949' | 'euc-kr' | 'utf-16le' | 'utf-16be' | (string & {});
  /** "auto", ",", ";", "|", "tab". */
  delimiter?: string;
  preset?: PresetKey | (string & {});
  mapping?: Partial<Record<ColumnRole, ColumnSpec>>;
  /** 1-based line of the header; default: searched in the first headerSearchRows rows. */
  headerLine?: number;
  /** Rows searched for the header when headerLine is not given (default 30). */
  headerSearchRows?: number;
  /** First data rows read to decide the date order and decimal separator (default 1000). */
  profileRows?: number;
  /** Order of day and month in dates like 03/04/2025. */
  dateOrder?: 'auto' | 'mdy' | 'dmy';
  decimalSeparator?: 'auto' | '.' | ',';
  /** Extra status words, e.g. {"발송완료": "paid"}. */
  statuses?: Record<string, OrderStatusName>;
  /** Largest single record (default 64 MB). */
  maxRecordBytes?: number;
  /** Examples kept per skip reason / warning (default 5). */
  maxExamples?: number;
  /** An Excel workbook's sheet, by name (default: the first visible sheet). */
  sheet?: string;
  /** Orders dated after this day (YYYY-MM-DD) are warned about (future_date). Default: the device's date; null: off. */
  today?: string | null;
}

export interface LoadProgress {
  bytesRead: number;
  /** Known for File, Blob and byte arrays; undefined for streams. */
  totalBytes: number | undefined;
  rowsRead: number;
  fraction: number | undefined;
}

export interface LoadOptions extends IngestOptions {
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
  /** Bytes pushed at a time (default 8 MB). */
  chunkSize?: number;
  /**
   * Read with a second WebAssembly instance in a Worker (the later half of the input): true,
   * false, or undefined = when the input is at least 32 MB and there are 2+ cores. Applies to
   * File / Blob (browsers), byte arrays, and loadFile(); the result is identical either way.
   */
  parallel?: boolean;
  /**
   * The password of a protected Excel workbook, used on this device to decrypt it (WebCrypto);
   * never sent to the WebAssembly core or anywhere else. Without it: 'password_required'.
   */
  password?: string;
}

export type LoadInput =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>
  | string;

export interface IssueExample {
  line: number;
  /** 1-based; absent when the issue concerns the whole row. */
  column?: number;
  columnName?: string;
  value: string;
  detail: string;
}

export type SkipReason =
  | 'missing_order_id' | 'missing_customer' | 'missing_date' | 'bad_date' | 'bad_amount' | 'bad_quantity'
  | 'too_few_fields' | 'too_many_fields' | 'unterminated_quote' | 'duplicate_row';
export type WarningKind =
  | 'invalid_encoding' | 'nul_bytes' | 'text_after_quote' | 'unknown_status' | 'conflicting_order_value'
  | 'extra_empty_fields' | 'unusable_identity' | 'bad_refund_amount' | 'future_date';

export interface IssueTally<Reason extends string> {
  reason: Reason;
  message: string;
  count: number;
  examples: IssueExample[];
}

export interface Diagnostics {
  file: string;
  bytes: number;
  encoding: { name: string; reason: string; byteOrderMark: boolean };
  delimiter: { char: string; name: string; reason: string };
  header: { line: number; rowsAbove: number; columns: string[] };
  preset: { key: string; name: string; detected: boolean };
  /** An Excel workbook: the sheet read and every sheet's name. Line numbers are its row numbers. */
  workbook?: { sheet: string; sheets: string[] };
  mapping: Partial<Record<ColumnRole, string[]>>;
  dates: { dayMonthOrder: 'month_first' | 'day_first'; reason: string };
  amounts: { decimalSeparator: '.' | ','; reason: string };
  lines: number;
  blankLines: number;
  rows: { read: number; used: number; skipped: number; refundRows: number };
  skipped: IssueTally<SkipReason>[];
  warnings: IssueTally<WarningKind>[];
  orders: { total: number; paid: number; partiallyRefunded: number; refunded: number; cancelled: number; pending: number };
  lineItems: number;
  customers: number;
  customersWithoutPurchase: number;
  products: number;
  /** "YYYY-MM-DD", or "" without purchases. */
  firstOrderDate: string;
  lastOrderDate: string;
  notes: string[];
}

export interface SummaryOptions {
  unit?: 'days' | 'weeks';
  /** End of the observation period, "YYYY-MM-DD" (default: the last purchase). */
  endDate?: string;
}

export type IdentityKind = 'member_id' | 'email' | 'phone' | 'name';

export interface CustomerSummary {
  id: string;
  idKind: IdentityKind;
  email: string;
  name: string;
  orders: number;
  repeatOrders: number;
  firstOrder: string;
  lastOrder: string;
  grossRevenue: number;
  netRevenue: number;
  aov: number;
  items: number;
  firstChannel: string;
  products: number;
  frequency: number;
  recency: number;
  T: number;
  monetary: number;
}

export interface CustomerColumns {
  count: number;
  unit: 'days' | 'weeks';
  endDate: string;
  id: string[];
  idKind: IdentityKind[];
  email: string[];
  name: string[];
  firstChannel: string[];
  orders: Uint32Array;
  repeatOrders: Uint32Array;
  firstOrder: string[];
  lastOrder: string[];
  grossRevenue: Float64Array;
  netRevenue: Float64Array;
  aov: Float64Array;
  items: Float64Array;
  products: Uint32Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
}

export type TransactionModelKey = 'bgnbd' | 'mbgnbd' | 'pnbd';

export interface ClvOptions {
  /** Transaction model (default 'bgnbd'). */
  model?: TransactionModelKey;
  /** Spend model: 'gg' (Gamma-Gamma, default) or 'none'. */
  spend?: 'gg' | 'none';
  /** Time unit of frequency/recency/T and of the fitted rates (default 'days'). */
  unit?: 'days' | 'weeks';
  /** End of the observation period, "YYYY-MM-DD" (default: the last purchase). */
  endDate?: string;
  /** Fit also on purchases up to this date and report the holdout after it. */
  calibrationEnd?: string;
  /** L2 penalty on the parameters (default 0), as in lifetimes. */
  penalizer?: number;
  /** Months of expected purchases and CLV (default 12). */
  horizonMonths?: number;
  /** Monthly discount rate (default 0.01). */
  monthlyDiscountRate?: number;
  /** Profit share of revenue, 0-1 (default 1: CLV in revenue). */
  margin?: number;
  /** churnProbability = P(no purchase in this many days) (default 90). */
  churnWindowDays?: number;
  /** Lifespan of the simple formula CLV (default 3). */
  lifespanYears?: number;
}

export interface FitResult<Params extends string> {
  model: TransactionModelKey | 'gg';
  params: Record<Params, number>;
  /** From the inverse Hessian; null when it is not positive definite (see message). */
  stdErrors: Record<Params, number | null>;
  status: 'converged' | 'max_iterations' | 'not_finite' | 'stalled';
  converged: boolean;
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  /** Nelder-Mead was needed after BFGS could not make progress. */
  usedFallback: boolean;
  customers: number;
  distinctRows: number;
  /** Empty when all is well. */
  message: string;
}

export type TransactionFit = FitResult<'r' | 'alpha' | 'a' | 'b'> | FitResult<'r' | 'alpha' | 's' | 'beta'>;

export interface SpendFit extends FitResult<'p' | 'q' | 'v'> {
  populationMeanSpend: number | null;
  /** Customers with repeat purchases whose mean spend was zero or negative, left out. */
  excludedNonPositive: number;
}

export interface SufficiencyCheck {
  key: 'customers' | 'history_days' | 'repeat_customers' | 'recent_orders';
  value: number;
  required: number;
  passed: boolean;
  message: string;
}

export interface HoldoutReport {
  calibrationEnd: string;
  end: string;
  /** Holdout length in the unit. */
  length: number;
  transactions: TransactionFit;
  customers: number;
  actualPurchases: number;
  predictedPurchases: number;
  meanAbsoluteError: number;
  /** By calibration repeat purchases 0..6 and 7+ (the last). */
  byFrequency: { frequency: number; customers: number; actual: number; predicted: number }[];
  /** Cumulative repeat purchases week by week from the cohort's first purchase. */
  tracking: { week: number; date: string; actual: number; expected: number }[];
}

export interface ClvPredictions {
  pAlive: number;
  /** In the horizon. */
  expectedPurchases: number;
  /** Per purchase. */
  expectedSpend: number;
  /** Discounted over the horizon, × margin. */
  clv: number;
  /** P(no purchase in churnWindowDays). */
  churnProbability: number;
}

export interface ClvCustomer extends CustomerSummary, ClvPredictions {
  /** Median date of the next order; null when none is expected. */
  nextOrderDate: string | null;
  historicClv: number;
  formulaClv: number;
}

export interface ClvColumns extends CustomerColumns {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedSpend: Float64Array;
  clv: Float64Array;
  churnProbability: Float64Array;
  nextOrderDate: (string | null)[];
  historicClv: Float64Array;
  formulaClv: Float64Array;
}

export interface ClvPredictionOptions {
  unit: 'days' | 'weeks';
  horizonMonths: number;
  monthlyDiscountRate: number;
  margin: number;
  churnWindowDays: number;
  lifespanYears: number;
  penalizer: number;
}

export interface ClvResult {
  endDate: string;
  options: ClvPredictionOptions;
  sufficiency: { sufficient: boolean; checks: SufficiencyCheck[] };
  transactions: TransactionFit;
  spend: SpendFit | null;
  /** Of frequency and mean spend among repeat buyers; Gamma-Gamma assumes none. */
  spendFrequencyCorrelation: number | null;
  totals: {
    customers: number; historicRevenue: number; expectedPurchases: number; clv: number; meanClv: number;
    meanPAlive: number; expectedActiveCustomers: number; meanFormulaClv: number; meanOrderValue: number;
    ordersPerCustomerYear: number;
    /** Expected number of customers making 0, 1, …, 9 and 10+ purchases in the horizon. */
    purchaseDistribution: number[];
  };
  holdout: HoldoutReport | null;
  notes: string[];
  columns: ClvColumns;
  /** One object per customer, built on first access. */
  readonly customers: ClvCustomer[];
}

export interface SimulationOptions {
  model?: TransactionModelKey;
  params: { r: number; alpha: number } & ({ a: number; b: number } | { s: number; beta: number });
  spend?: { p: number; q: number; v: number };
  customers?: number;
  seed?: number;
  /** Each customer's T is uniform in [minT, maxT] (default 26-52). */
  minT?: number;
  maxT?: number;
  /** Times in whole days, same-day purchases merged, like a real export summarized by day. */
  wholeDays?: boolean;
}

export interface ClvArrays {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  monetary?: ArrayLike<number> | null;
}

export interface ClvArraysOptions extends Omit<ClvOptions, 'endDate' | 'calibrationEnd' | 'lifespanYears'> {
  /** false: fit only, no per-customer predictions (default true). */
  predict?: boolean;
}

export interface ClvArraysResult {
  options: ClvPredictionOptions;
  transactions: TransactionFit;
  spend: SpendFit | null;
  /** Expected number of customers making 0, 1, …, 9 and 10+ purchases in the horizon. */
  purchaseDistribution: number[];
  notes: string[];
  columns: Record<keyof ClvPredictions, Float64Array> & { nextPurchaseIn: Float64Array };
  readonly customers: (ClvPredictions & { nextPurchaseIn: number | null })[];
}

// ------------------------------------------------------------------ website events (funnel)

export interface EventLoadOptions extends Omit<LoadOptions, 'preset' | 'mapping' | 'headerLine' | 'decimalSeparator' | 'parallel'> {
  layout?: 'auto' | 'ga4' | 'generic';
  /** Where each role is found: a header name, a 1-based column number, a list, or null to unmap. */
  mapping?: Partial<Record<'user' | 'pseudoId' | 'email' | 'event' | 'time' | 'date' | 'item', ColumnSpec>>;
}

/** The events ingestion's diagnostics (docs/events.md): rows, skipped rows by reason, visitors, events. */
export interface EventDiagnostics {
  file: string;
  layout: { key: 'ga4' | 'generic'; name: string; detected: boolean };
  rows: { read: number; used: number; skipped: number; repeatedEventRows: number };
  skipped: IssueTally<string>[];
  warnings: IssueTally<string>[];
  visitors: { total: number; userId: number; pseudoId: number; email: number };
  events: { total: number; pageView: number; productView: number; addToCart: number; purchase: number; other: number };
  merged: { visitors: number; pseudoId: number; email: number };
  firstDate: string | null;
  lastDate: string | null;
  [key: string]: unknown;
}

export declare class EventLog {
  private constructor();
  readonly diagnostics: EventDiagnostics;
  dispose(): void;
}

// ------------------------------------------------------------------ segments

export type PackKey = 'rfm' | 'repurchase' | 'funnel' | 'cycle' | 'crosssell' | 'tiers' | 'custom';
export type ItemRef = { sku: string } | { name: string } | { category: string };

/** A custom-segment condition (README "Custom segments"). */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { field: string; op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'between' | 'in'; value: number | string | Array<number | string> }
  | { inSegment: string }
  | { bought: ItemRef; withinDays?: number }
  | { neverBought: ItemRef; withinDays?: number };

export interface CustomSegment {
  key: string;
  name?: string | { en: string; ko?: string };
  campaign?: string | { key?: string; en: string; ko?: string };
  rule: RuleCondition;
}

export interface SegmentOptions {
  packs?: PackKey | PackKey[];
  endDate?: string;
  rfm?: { scheme?: 'rf_grid' | 'shopify'; frequencyScores?: 'auto' | 'quintile' | 'absolute' };
  cycle?: { cutoffDays?: number; cutoffMonths?: number };
  tiers?: { revenueWeight?: number };
  crossSell?: { a: ItemRef; b?: ItemRef; months?: number };
  rules?: CustomSegment[] | { segments: CustomSegment[]; minSize?: number };
  /** Groups with fewer members (but some) are flagged small (default 30). */
  minSize?: number;
  /** CLV options for rules reading pAlive, clv, expectedPurchases or churnProbability, and for the economics. */
  clv?: Omit<ClvOptions, 'endDate' | 'calibrationEnd' | 'unit'>;
  /** Segment economics: CLV columns per group and the sorted views (default true; false skips the CLV models). */
  economics?: boolean;
  /** The channel report's options: with spend, each group gets CAC, LTV and LTV:CAC; its margin is the economics' margin. */
  channels?: Omit<ChannelOptions, 'events'>;
  /** A website events file, for the funnel pack. */
  events?: EventLog;
}

export interface AffinityOptions {
  level?: 'product' | 'category';
  /** Rules bought together by fewer baskets / customers are dropped (default 3). */
  minCount?: number;
  /** Rules kept per antecedent (default 5; 0: all). */
  topN?: number;
  rankBy?: 'lift' | 'confidence' | 'count';
  endDate?: string;
}

export interface AffinityRule {
  antecedent: { key: string; name: string };
  consequent: { key: string; name: string };
  count: number;
  support: number;
  confidence: number;
  lift: number;
}

export interface AffinityResult {
  level: 'product' | 'category';
  /** Purchase orders with at least one item. */
  baskets: number;
  /** Customers with at least two purchase days with items. */
  sequences: number;
  minCount: number;
  topN: number;
  rankBy: 'lift' | 'confidence' | 'count';
  endDate: string | null;
  coPurchase: AffinityRule[];
  nextPurchase: AffinityRule[];
}

export interface RecommendOptions {
  /** Products per customer, 1–100 (default 10). */
  topN?: number;
  /** Recommend as of this day ("YYYY-MM-DD"; default: the last purchase day). */
  endDate?: string;
  /** Recommend as of this day and measure on the purchases after it, next to the popularity baseline. */
  calibrationEnd?: string;
  /** Pairs seen fewer times are dropped (default 2). */
  minCount?: number;
  /** β of the shrunk cosine count / (count + β) (default 5). */
  shrinkage?: number;
  /** Neighbours kept per product and kind (default 10). */
  neighbours?: number;
  /** λ: best sellers compete with the neighbours, scoring CF + λ · recent share (default 10). */
  popularityWeight?: number;
  /** Best sellers are counted over this many days up to the end date (default 90). */
  recentDays?: number;
  reorder?: { minCustomers?: number; minShare?: number };
  /** Only this segment's customers: a pack ("rfm") or a group ("rfm.champions", "custom.vip"). */
  segment?: string;
  /** Custom segments for segment "custom" / "custom.<key>" (as SegmentsOptions.rules). */
  rules?: CustomSegment[] | { segments: CustomSegment[]; minSize?: number };
}

export type RecommendReason = 'reorder' | 'reorder_typical' | 'bought_next' | 'also_bought' | 'favourite_category'
  | 'favourite_vendor' | 'best_seller';

export interface Recommendation {
  product: string;
  name: string;
  score: number;
  reason: RecommendReason;
  /** The product bought (its key) that led here, or the favourite category / vendor; null for best sellers. */
  because: string | null;
  /** Reorders: the usual interval in days (0 otherwise). */
  intervalDays: number;
  /** Reorders: days since the customer last bought it. */
  daysSince: number;
  text: { en: string; ko: string };
}

export interface CustomerRecommendations {
  id: string;
  email: string;
  /** With a segment: the customer's group. */
  group?: string;
  recommendations: Recommendation[];
}

export interface RecommendMetrics {
  hitRate: number;
  precision: number;
  recall: number;
  coverage: number;
}

export interface RecommendEvaluationGroup {
  /** "all", or a group of the pack. */
  key: string;
  customers: number;
  at5: { recommender: RecommendMetrics; baseline: RecommendMetrics };
  at10: { recommender: RecommendMetrics; baseline: RecommendMetrics };
}

export interface RecommendResult {
  endDate: string;
  /** True when endDate is a calibration end (evaluation present). */
  calibration: boolean;
  topN: number;
  recentDays: number;
  segment: string | null;
  groups: string[];
  model: { coPurchasePairs: number; sequencePairs: number; consumables: number; contentAttribute: 'category' | 'vendor' | null };
  reasons: Record<RecommendReason, { en: string; ko: string }>;
  customerCount: number;
  evaluation: null | { calibrationEnd: string; holdoutEnd: string; pack: string; groups: RecommendEvaluationGroup[] };
  /** Why the lists are empty, or the evaluation has nobody to measure. */
  notes: string[];
  /** The lists as typed arrays (what `customers` is built from). */
  lists: {
    id: string[]; email: string[]; group: Uint32Array | Uint8Array; offsets: Uint32Array; product: Uint32Array;
    score: Float64Array; reason: Uint8Array; because: Uint32Array; intervalDays: Float32Array; daysSince: Int32Array;
    productKeys: string[]; productNames: string[]; contentNames: string[];
  };
  /** Per customer, built on first use. */
  readonly customers: CustomerRecommendations[];
}

export interface RecommendExportOptions {
  format?: 'csv' | 'json';
  encoding?: 'utf-8' | 'cp949';
}

/** The first `count` customers of a result, shaped as `customers`, without building the others. */
export function firstCustomers(result: RecommendResult, count: number): CustomerRecommendations[];
/** One row per recommendation: id, email, group (with a segment), rank, product, name, score, reason, because, text, textKo. */
export function recommendationRows(result: RecommendResult): { columns: string[]; rows: Record<string, string | number | null>[] };
export function recommendationsCsv(result: RecommendResult, options?: { bom?: boolean }): string;

export interface SegmentGroup {
  key: string;
  name: { en: string; ko: string };
  campaign: { key: string; en: string; ko: string };
  members: number;
  /** Members with a purchase (for the funnel: visitors joined to a customer). */
  customers: number;
  share: number;
  revenue: number;
  revenueShare: number;
  orders: number;
  avgRecencyDays: number | null;
  /** Historic net revenue / customers; null without customers. */
  revenuePerCustomer: number | null;
  /** With economics.clv (docs/segments.md "Economics"): means over the group's customers. */
  meanClv?: number | null;
  expectedPurchases?: number | null;
  meanPAlive?: number | null;
  /** Σ CLV / P(alive) × (1 − P(alive)): the value lost if the members have already left. */
  valueAtRisk?: number | null;
  /** With economics.cac (spend given): over the members whose acquisition channel has spend. */
  cacCustomers?: number;
  cac?: number | null;
  ltv?: number | null;
  ltvToCac?: number | null;
  /** Fewer members than minSize (but some). */
  small: boolean;
}

export interface SegmentGroupRef {
  pack: PackKey;
  group: string;
  meanClv?: number;
  revenuePerCustomer?: number;
  valueAtRisk?: number;
}

export interface SegmentEconomics {
  clv: boolean;
  clvSufficient: boolean;
  clvProblem: string | null;
  cac: boolean;
  worthMostBy: 'clv' | 'revenue';
  /** Up to 10 groups of any pack, highest mean CLV (or revenue per customer) first. */
  worthMost: SegmentGroupRef[];
  /** Up to 10 groups, highest value at risk first (with CLV only). */
  atRisk: SegmentGroupRef[];
}

export interface SegmentPack {
  key: PackKey;
  population: 'customers' | 'visitors';
  members: number;
  details: Record<string, unknown>;
  notes: string[];
  /** Per-member columns of this pack (e.g. r, f, m). */
  columns: string[];
  groups: SegmentGroup[];
  /** Group index per member (customers in `SegmentsResult.columns` order, or visitors). */
  groupOf: Uint8Array;
  /**
   * Per-member values by column name. NaN marks "no value" (a typed array holds no null): the
   * cycle pack's cycleDays and dueInDays of a customer with one purchase day. segmentMembers()
   * gives null there; every other value is finite.
   */
  memberColumns: Record<string, Float64Array>;
}

export interface SegmentsResult {
  endDate: string | null;
  customers: number;
  revenue: number;
  minSize: number;
  packs: SegmentPack[];
  /** null when options.economics is false. */
  economics: SegmentEconomics | null;
  notes: string[];
  /** Whether the data are enough for the segments (docs/kpis.md "Readiness"); null without customers. */
  readiness: AnalysisReadiness | null;
  columns: CustomerColumns & { daysSinceLastOrder: Int32Array };
  /** The funnel pack's visitors, with the customer row each joined (-1: none). */
  visitors?: { count: number; id: string[]; idKind: Array<'userId' | 'pseudoId' | 'email'>; email: string[]; customerRow: Int32Array };
}

export interface SegmentMembersOptions {
  pack: PackKey;
  groups?: string[];
  columns?: string[];
}

export interface SegmentExportOptions extends SegmentMembersOptions {
  format?: 'csv' | 'json';
  /** CSV only; CP949 for old Excel (no BOM). */
  encoding?: 'utf-8' | 'cp949';
}

export interface SegmentFile {
  bytes: Uint8Array;
  text: string;
  rows: number;
  /** Characters CP949 cannot represent, written as '?'. */
  unmappable: number;
  mimeType: string;
  fileName: string;
}

export function segmentMembers(result: SegmentsResult, options: SegmentMembersOptions): { columns: string[]; rows: Record<string, string | number | null>[] };
export function segmentMembersCsv(result: SegmentsResult, options: SegmentMembersOptions & { bom?: boolean }): string;
export function memberColumnKeys(pack: SegmentPack): string[];

// ---- KPIs, cohorts, channels, readiness (docs/kpis.md) ----

export type PeriodKind = 'month' | 'week' | 'day';
export type KpiMetricKey =
  | 'visitors' | 'newVisitors' | 'returningVisitors' | 'customers' | 'newCustomers' | 'returningCustomers'
  | 'firstPurchases' | 'repurchases' | 'orders' | 'revenue' | 'aov' | 'itemsPerOrder' | 'ordersPerCustomer'
  | 'conversionRate' | 'repeatCustomerRate' | 'retentionRate' | 'churnRate';
export type KpiActionKey = 'broad_acquisition' | 'repurchase_campaign' | 'bundles' | 'cart_reminders' | 'welcome_offer';

export interface TimelineOptions {
  /** The export's first / last day when known (default: the first / last purchase). */
  startDate?: string;
  endDate?: string;
}

export interface ReadinessCheck {
  key: string;
  value: number;
  required: number;
  passed: boolean;
  message: { en: string; ko: string };
}

export interface AnalysisReadiness {
  analysis: 'kpis' | 'cohorts' | 'channels' | 'segments' | 'clv' | 'funnel';
  ready: boolean;
  checks: ReadinessCheck[];
}

export interface ReadinessReport {
  measures: {
    customers: number; historyDays: number; repeatCustomers: number; repeatShare: number; customersThreeDays: number;
    ordersLast30Days: number; completeMonths: number; channelKnownShare: number; channels: number; hasEvents: boolean;
  };
  analyses: AnalysisReadiness[];
}

export interface KpiOptions extends TimelineOptions {
  period?: PeriodKind;
  /** A fall of at least this share triggers the driver's action (default 0.05). */
  dropThreshold?: number;
  /** Visitor KPIs and conversion from a website events file. */
  events?: EventLog;
}

export interface KpiAction {
  metric: KpiMetricKey;
  action: KpiActionKey;
  /** The driver's relative change (negative). */
  change: number;
  en: string;
  ko: string;
}

export interface KpiPeriod {
  /** "2024-03", "2024-W09" or "2024-03-01". */
  period: string;
  start: string;
  end: string;
  /** The data do not cover the whole period: it is not compared. */
  partial: boolean;
  visitorCoverage: 'none' | 'partial' | 'full';
  values: Record<KpiMetricKey, number | null>;
  compared: 'compared' | 'first_period' | 'partial_period' | 'previous_partial';
  deltas: Partial<Record<KpiMetricKey, { absolute: number; relative: number | null }>>;
  revenueChange: null | {
    change: number;
    /** False when a driver is not positive: no split. */
    split: boolean;
    drivers: { metric: KpiMetricKey; contribution: number | null }[];
  };
  actions: KpiAction[];
}

export interface KpiResult {
  period: PeriodKind;
  firstDate: string | null;
  lastDate: string | null;
  hasEvents: boolean;
  eventsFirstDate: string | null;
  eventsLastDate: string | null;
  ordersOutside: number;
  dropThreshold: number;
  metrics: { key: KpiMetricKey; en: string; ko: string; higherIsBetter: boolean; needsEvents: boolean }[];
  periods: KpiPeriod[];
  /** Index of the last period compared with its previous one. */
  latest: number | null;
  /** That period's actions. */
  actions: KpiAction[];
  readiness: AnalysisReadiness;
}

export interface CohortOptions extends TimelineOptions {
  period?: 'month' | 'week';
  by?: 'firstPeriod' | 'firstProduct' | 'firstChannel' | 'firstCoupon';
  /** Product / channel / coupon cohorts: the largest N, the rest as "other" (default 20, 0: all). */
  maxCohorts?: number;
  /** Cells per cohort (0: all). */
  maxAge?: number;
}

export interface CohortCell {
  age: number;
  /** Customers whose age `age` the data reach. */
  customers: number;
  active: number;
  activeRate: number;
  orders: number;
  revenue: number;
  /** Cumulative revenue per customer through this age (the LTV curve). */
  revenuePerCustomer: number;
  repeatCustomers: number;
  repeatRate: number;
  partial: boolean;
}

export interface CohortResult {
  period: 'month' | 'week';
  by: 'firstPeriod' | 'firstProduct' | 'firstChannel' | 'firstCoupon';
  customers: number;
  cohorts: { key: string; label: string; other: boolean; start?: string; customers: number; cells: CohortCell[] }[];
  readiness: AnalysisReadiness;
}

export interface ChannelSpend {
  channel: string;
  /** "2024-03", "2024-W09" or a date in the period; omitted: the whole range. */
  period?: string;
  amount: number;
}

export interface ChannelOptions extends TimelineOptions {
  /** Entries, or a spend CSV (channel,period,spend) as text or bytes. */
  spend?: ChannelSpend[] | string | Uint8Array;
  spendFileName?: string;
  period?: 'month' | 'week';
  /** Share of revenue that is profit (default 1). */
  margin?: number;
  /** Predicted CLV from the CLV models (default true). */
  predictClv?: boolean;
  clv?: ClvOptions;
  /** The traffic source of customers whose first order names no channel (GA4 traffic_source.source). */
  events?: EventLog;
}

export interface ChannelRow {
  channel: string;
  /** null: the channel's total over every period. */
  period: string | null;
  newCustomers: number;
  revenue: number;
  spend: number | null;
  cac: number | null;
  revenue3m: { customers: number; perCustomer: number | null };
  revenue6m: { customers: number; perCustomer: number | null };
  revenue12m: { customers: number; perCustomer: number | null };
  predictedClv: number | null;
  ltv: number | null;
  ltvBasis: 'clv' | 'revenue12m' | 'revenue6m' | 'revenue3m' | 'none';
  ltvToCac: number | null;
  paybackMonths: number | null;
  /** Revenue per acquired customer (times the margin) through month 1, 2, … */
  revenueCurve: number[];
}

export interface ChannelResult {
  period: 'month' | 'week';
  lastDate: string | null;
  margin: number;
  clv: { ran: boolean; problem: string };
  channels: (ChannelRow & { rawValues: string[] })[];
  rows: ChannelRow[];
  unmatchedSpend: string[];
  /** Customers whose channel came from the events file. */
  channelsFromEvents: number;
  readiness: AnalysisReadiness;
}

export interface ReadinessOptions extends TimelineOptions {
  events?: EventLog;
}

export type ErrorCode =
  | 'empty_file' | 'not_text' | 'no_header' | 'no_data_rows' | 'record_too_large' | 'bad_option' | 'aborted'
  | 'invalid_state' | 'out_of_memory' | 'internal' | 'file_unreadable' | 'bad_workbook' | 'password_required'
  | 'wrong_password'
  /** Data the analysis cannot use, e.g. a calibration end after the data, arrays of different lengths. */
  | 'bad_input';

export class OrderlensError extends Error {
  readonly name: 'OrderlensError';
  readonly code: ErrorCode;
}

export interface IngestSession {
  push(chunk: ArrayBufferView | ArrayBuffer): { rowsRead: number };
  finish(): Dataset;
  cancel(): void;
}

export interface DatasetStats {
  /** Bytes held by this dataset's tables in WebAssembly memory. */
  tableBytes: number;
  /** 2 when the input was read in parallel by two instances, else 1. */
  parts: 1 | 2;
}

export declare class Dataset {
  private constructor();
  readonly diagnostics: Diagnostics;
  customers(options?: SummaryOptions): CustomerSummary[];
  customerColumns(options?: SummaryOptions): CustomerColumns;
  /** Customer lifetime value: model fits, per-customer predictions, optional holdout. */
  clv(options?: ClvOptions): ClvResult;
  /** Customer segments: RFM, repurchase, funnel, purchase cycle, cross-sell, tiers, custom rules. */
  segments(options?: SegmentOptions): SegmentsResult;
  /** Product affinity: co-purchase and next-purchase association rules. */
  affinity(options?: AffinityOptions): AffinityResult;
  /** Per-customer recommendations (docs/recommend.md). */
  recommend(options?: RecommendOptions): RecommendResult;
  /** KPIs per period with changes, the revenue split by driver and the playbook's actions. */
  kpis(options?: KpiOptions): KpiResult;
  /** Acquisition cohorts: retention, orders, revenue and the LTV curve by age. */
  cohorts(options?: CohortOptions): CohortResult;
  /** CAC vs LTV per acquisition channel and period. */
  channels(options?: ChannelOptions): ChannelResult;
  /** Whether the data are enough for each analysis, and why not. */
  readiness(options?: ReadinessOptions): ReadinessReport;
  stats(): DatasetStats;
  dispose(): void;
}

export interface Orderlens {
  readonly version: string;
  readonly memoryBytes: number;
  ingest(options?: IngestOptions): IngestSession;
  load(input: LoadInput, options?: LoadOptions): Promise<Dataset>;
  /**
   * Node only: reads the file at `path` straight into WebAssembly memory (in parallel when
   * large); errors reading the file are OrderlensError 'file_unreadable'.
   */
  loadFile(path: string, options?: LoadOptions): Promise<Dataset>;
  /** A simulated population from known parameters (demos, tests, benchmarks). */
  simulateCustomers(options: SimulationOptions): { frequency: Float64Array; recency: Float64Array; T: Float64Array; monetary: Float64Array };
  /** The CLV models on bare per-customer arrays (lifetimes' summary). */
  clvFit(arrays: ClvArrays, options?: ClvArraysOptions): ClvArraysResult;
  /** Reads a website events file (GA4 export or user/event/time table) for the funnel pack. */
  loadEvents(input: LoadInput, options?: EventLoadOptions): Promise<EventLog>;
  /** One pack's members as a CSV or JSON file. */
  exportSegments(result: SegmentsResult, options: SegmentExportOptions): SegmentFile;
  /** Recommendations as a CSV or JSON file, one row per recommendation. */
  exportRecommendations(result: RecommendResult, options?: RecommendExportOptions): SegmentFile;
  encodeCp949(text: string): { bytes: Uint8Array; unmappable: number };
}

export interface CreateOptions {
  /** The bytes of orderlens.wasm (skips fetching). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch orderlens.wasm from (default: next to the package's index.js). */
  wasmUrl?: string | URL;
}

export function createOrderlens(options?: CreateOptions): Promise<Orderlens>;

export interface RemoteDataset {
  readonly diagnostics: Diagnostics;
  customers(options?: SummaryOptions): Promise<CustomerSummary[]>;
  customerColumns(options?: SummaryOptions): Promise<CustomerColumns>;
  clv(options?: ClvOptions): Promise<ClvResult>;
  segments(options?: Omit<SegmentOptions, 'events'> & { events?: RemoteEventLog }): Promise<SegmentsResult>;
  affinity(options?: AffinityOptions): Promise<AffinityResult>;
  recommend(options?: RecommendOptions): Promise<RecommendResult>;
  kpis(options?: Omit<KpiOptions, 'events'> & { events?: RemoteEventLog }): Promise<KpiResult>;
  cohorts(options?: CohortOptions): Promise<CohortResult>;
  channels(options?: Omit<ChannelOptions, 'events'> & { events?: RemoteEventLog }): Promise<ChannelResult>;
  readiness(options?: Omit<ReadinessOptions, 'events'> & { events?: RemoteEventLog }): Promise<ReadinessReport>;
  stats(): Promise<DatasetStats>;
  dispose(): Promise<void>;
}

export interface RemoteEventLog {
  readonly diagnostics: EventDiagnostics;
  dispose(): Promise<void>;
}

export interface WorkerLoadOptions extends LoadOptions {
  /** Transfer (rather than copy) a byte array to the Worker; the caller's array becomes empty. */
  transfer?: boolean;
}

export interface OrderlensWorker {
  readonly version: string;
  load(input: LoadInput, options?: WorkerLoadOptions): Promise<RemoteDataset>;
  clvFit(arrays: ClvArrays, options?: ClvArraysOptions): Promise<ClvArraysResult>;
  loadEvents(input: Blob | ArrayBuffer | ArrayBufferView | string, options?: Omit<EventLoadOptions, 'signal'>): Promise<RemoteEventLog>;
  exportSegments(result: SegmentsResult, options: SegmentExportOptions): Promise<SegmentFile>;
  exportRecommendations(result: RecommendResult, options?: RecommendExportOptions): Promise<SegmentFile>;
  encodeCp949(text: string): Promise<{ bytes: Uint8Array; unmappable: number }>;
  terminate(): Promise<number> | void;
}

export interface CreateWorkerOptions extends CreateOptions {
  /** URL of the package's worker.js (default: next to this file). */
  workerUrl?: string | URL;
}

export function createOrderlensWorker(options?: CreateWorkerOptions): Promise<OrderlensWorker>;
