// PII masking for the screen and the exports: names, emails and phone numbers keep just enough to
// be recognised by their owner (first letter, email domain's first letter, last four digits).
let masked = false;
export const setMasking = (on) => { masked = !!on; };
export const maskingOn = () => masked;

export function maskName(name) {
  if (!masked || !name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskEmail(email) {
  if (!masked || !email) return email;
  const at = email.indexOf('@');
  if (at < 0) return maskName(email);
  const domain = email.slice(at + 1);
  return `${email[0]}***@${domain[0] ?? ''}***`;
}

export function maskPhone(phone) {
  if (!masked || !phone) return phone;
  const digits = phone.replace(/\D/g, '');
  return `***-${digits.slice(-4)}`;
}

/** A customer id by its kind (member ids are pseudonyms the shop chose: kept). */
export function maskId(id, kind) {
  if (kind === 'email') return maskEmail(id);
  if (kind === 'phone') return maskPhone(id);
  if (kind === 'name') return maskName(id);
  return id;
}

const EMAILS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONES = /\+?\d[\d -]{6,}\d/g;

/**
 * Free text from the file (a diagnostics example's value or detail): emails and phone-like digit
 * runs in it masked; the whole value when it comes from a name column (`isName`).
 */
export function maskText(text, isName = false) {
  if (!masked || !text) return text;
  if (isName) return maskName(text);
  // Nine digits or more: a phone number, not a date (2025-02-07) or an amount.
  return text.replace(EMAILS, (m) => maskEmail(m)).replace(PHONES, (m) => (m.replace(/\D/g, '').length >= 9 ? maskPhone(m) : m));
}

/**
 * A segments result whose id, email and name columns are masked (when masking is on), for
 * exportSegments: the file then carries what the screen shows.
 */
export function maskedSegments(result) {
  if (!masked) return result;
  const c = result.columns;
  return {
    ...result,
    columns: {
      ...c,
      id: c.id.map((id, i) => maskId(id, c.idKind[i])),
      email: c.email.map(maskEmail),
      name: c.name.map(maskName),
    },
    ...(result.visitors ? { visitors: { ...result.visitors, email: result.visitors.email.map(maskEmail) } } : {}),
  };
}

/**
 * A recommendations result whose customers' ids and emails are masked (when masking is on), for
 * the screen and exportRecommendations. Its customers carry no id kind: it is looked up in the
 * segments result (same customers); an id it does not know is masked as free text.
 */
export function maskedRecommendations(result, segments) {
  if (!masked) return result;
  return { ...result, customers: maskedCustomers(result.customers, segments) };
}

// Each customer id's kind, per segments result: built once (a quarter of a million ids on a large
// export), not on every redraw of the twenty customers a panel shows.
const idKinds = new WeakMap();
function idKindsOf(segments) {
  const c = segments?.columns;
  if (!c) return new Map();
  let kinds = idKinds.get(segments);
  if (!kinds) {
    kinds = new Map(c.id.map((id, i) => [id, c.idKind[i]]));
    idKinds.set(segments, kinds);
  }
  return kinds;
}

/** Customer rows of a recommendations result (some or all), masked as maskedRecommendations does. */
export function maskedCustomers(customers, segments) {
  if (!masked) return customers;
  const kinds = idKindsOf(segments);
  return customers.map((r) => ({
    ...r, id: kinds.has(r.id) ? maskId(r.id, kinds.get(r.id)) : maskText(r.id), email: maskEmail(r.email),
  }));
}
