// Type declarations of the orderlens npm package (hand-written: Emscripten 3.1.6 cannot generate
// them). Checked by `tsc --noEmit` against tests/types/usage.ts. Names mirror the C++ result
// types (snake_case there, camelCase here); docs/ingestion.md defines every field.

/** Where a column role is found: a header name, a 1-based column number, a list (first non-empty), or null to unmap. */
export type ColumnSpec = string | number | Array<string | number> | null;

export type ColumnRole =
  | 'orderId' | 'customerId' | 'email' | 'phone' | 'customerName' | 'orderDate' | 'paidDate' | 'orderTotal'
  | 'refundedAmount' | 'lineTotal' | 'unitPrice' | 'quantity' | 'productId' | 'productName' | 'vendor' | 'category'
  | 'status' | 'cancelledAt' | 'channel' | 'coupon' | 'currency';

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
  | 'extra_empty_fields' | 'unusable_identity' | 'bad_refund_amount';

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

export type ErrorCode =
  | 'empty_file' | 'not_text' | 'no_header' | 'no_data_rows' | 'record_too_large' | 'bad_option' | 'aborted'
  | 'invalid_state' | 'out_of_memory' | 'internal' | 'file_unreadable';

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
  stats(): Promise<DatasetStats>;
  dispose(): Promise<void>;
}

export interface WorkerLoadOptions extends LoadOptions {
  /** Transfer (rather than copy) a byte array to the Worker; the caller's array becomes empty. */
  transfer?: boolean;
}

export interface OrderlensWorker {
  readonly version: string;
  load(input: LoadInput, options?: WorkerLoadOptions): Promise<RemoteDataset>;
  terminate(): Promise<number> | void;
}

export interface CreateWorkerOptions extends CreateOptions {
  /** URL of the package's worker.js (default: next to this file). */
  workerUrl?: string | URL;
}

export function createOrderlensWorker(options?: CreateWorkerOptions): Promise<OrderlensWorker>;
