// Deterministic generator of realistic Shopify "orders_export.csv" files, with the results that
// orderlens must report for them (docs/ingestion.md) computed from the generator's own model of
// the orders it wrote — never by reading the CSV back.
//
//   import { generate, writeShopifyExport } from './shopify-generator.mjs';
//   const { csv, rows, expected } = generate({ seed: 1, orders: 300, currency: 'USD' });
//   const { rows, bytes, expected } = writeShopifyExport('big.csv', { seed: 1, targetRows: 1e6 });
//
// The model: a catalogue of products (SKU, name, vendor, category, price; complementary products
// bought together, "successor" products bought in a later order), a population of customers
// (email or phone-only guests, one-time buyers and loyal repeaters, a few same-day repeat orders)
// and a chronological stream of orders with statuses, discounts, shipping and taxes in integer
// cents. The file lists orders newest first, one row per line item, order-level fields on the
// first row only, as Shopify does. No dependencies; no Math.random.
import fs from 'node:fs';

export const SHOPIFY_COLUMNS = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing',
  'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method',
  'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
  'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street',
  'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province',
  'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping Address1', 'Shipping Address2',
  'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone',
  'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor',
  'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source',
  'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value', 'Tax 3 Name', 'Tax 3 Value',
  'Tax 4 Name', 'Tax 4 Value', 'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number', 'Duties',
  'Billing Province Name', 'Shipping Province Name', 'Payment ID', 'Payment Terms Name', 'Next Payment Due At',
  'Payment References',
];
const HEADER = SHOPIFY_COLUMNS.join(',') + '\n';

// ---------------------------------------------------------------------------------------------
// Random numbers: sfc32 seeded through splitmix32 (streams), mulberry32 for per-entity hashes.

function splitmix32(x) {
  return () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32: returns () => float in [0, 1). */
export function sfc32(seed, stream = 0) {
  const s = splitmix32((Math.imul(seed >>> 0, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1)) | 0);
  let a = s(), b = s(), c = s(), d = s();
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; ++i) next();
  return next;
}

function hash32(a, b) {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const intIn = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Text helpers.

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(s) {
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const pad2 = (n) => (n < 10 ? '0' + n : '' + n);

/** Integer cents -> "59990.00". */
export function money(cents) {
  const c = Math.round(cents);
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return sign + Math.floor(a / 100) + '.' + pad2(a % 100);
}

/** Days since 1970-01-01 -> [y, m, d] (proleptic Gregorian). */
function civilFromDays(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const isoCache = new Map();
/** Days since 1970-01-01 -> "YYYY-MM-DD". */
export function isoDay(days) {
  let s = isoCache.get(days);
  if (s === undefined) {
    const [y, m, d] = civilFromDays(days);
    s = `${y}-${pad2(m)}-${pad2(d)}`;
    isoCache.set(days, s);
  }
  return s;
}

function daysFromIso(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}

const DAY = 86400;

// ---------------------------------------------------------------------------------------------
// Static vocabulary.

const CATEGORIES = [
  { code: 'TEA', en: ['Green Tea', 'Earl Grey', 'Rooibos', 'Chamomile Tea', 'Barley Tea', 'Hojicha'], ko: ['유기농 녹차', '보리차', '현미녹차', '캐모마일 티', '제주 말차'], units: ['20 bags', '50g', '100g', 'Tin'], price: [0.6, 1.6] },
  { code: 'COF', en: ['Espresso Beans', 'Decaf Blend', 'Cold Brew Pack', 'Drip Bags', 'House Blend'], ko: ['원두 커피', '드립백 커피', '콜드브루 원액', '디카페인 원두'], units: ['200g', '500g', '10 pack', '1kg'], price: [0.8, 2.2] },
  { code: 'MUG', en: ['Ceramic Mug', 'Tumbler', 'Tea Cup Set', 'Glass Tumbler', 'Travel Mug'], ko: ['도자기 머그', '텀블러', '찻잔 세트', '유리컵'], units: ['350ml', '500ml', 'Sand', 'Ivory'], price: [0.9, 2.4] },
  { code: 'KIT', en: ['Cast-Iron Skillet', 'Cutting Board', 'Knife Set', 'Linen Apron', 'Dish Towel'], ko: ['무쇠 팬', '원목 도마', '린넨 앞치마', '행주 세트'], units: ['Small', 'Large', '2-pack', 'Oak'], price: [1.2, 4.5] },
  { code: 'SKN', en: ['Cleansing Oil', 'Hydrating Toner', 'Night Cream', 'Sun Stick', 'Sheet Mask'], ko: ['클렌징 오일', '수분 토너', '나이트 크림', '선스틱', '마스크팩'], units: ['150ml', '50ml', '10 sheets', 'Travel'], price: [1.0, 3.0] },
  { code: 'HAR', en: ['Scalp Shampoo', 'Hair Oil', 'Conditioner', 'Hair Mist'], ko: ['두피 샴푸', '헤어 오일', '컨디셔너', '헤어 미스트'], units: ['300ml', '500ml', '100ml'], price: [0.9, 2.5] },
  { code: 'CDL', en: ['Soy Candle', 'Crème Brûlée Candle', 'Tealight Set', 'Candle Wick Trimmer'], ko: ['소이 캔들', '티라이트 세트', '캔들 워머'], units: ['200g', '12 pcs', 'Fig', 'Cedar'], price: [0.8, 2.6] },
  { code: 'FRG', en: ['Room Spray', 'Reed Diffuser', 'Diffuser Refill', 'Linen Mist'], ko: ['룸 스프레이', '디퓨저', '디퓨저 리필'], units: ['100ml', '200ml', 'Hinoki', 'Rosé'], price: [1.0, 2.8] },
  { code: 'STA', en: ['Dot Grid Notebook', 'Fountain Pen', 'Washi Tape', 'Planner 2026'], ko: ['도트 노트', '만년필', '마스킹 테이프', '다이어리'], units: ['A5', 'B6', '3-pack', 'Navy'], price: [0.4, 3.5] },
  { code: 'BAG', en: ['Canvas Tote', 'Pouch', 'Crossbody Bag', 'Backpack'], ko: ['캔버스 에코백', '파우치', '크로스백'], units: ['Black', 'Natural', 'Olive'], price: [1.5, 6.0] },
  { code: 'APP', en: ['Cotton T-Shirt', 'Linen Shirt', 'Knit Cardigan', 'Sweatpants'], ko: ['코튼 티셔츠', '린넨 셔츠', '니트 가디건'], units: ['Black / M', 'White / S', 'Grey / L', 'Navy / XL'], price: [1.8, 6.5] },
  { code: 'SCK', en: ['Crew Socks', 'Wool Socks', 'Ankle Socks'], ko: ['크루 삭스', '울 양말', '발목 양말'], units: ['3-pack', 'One size', 'Ivory'], price: [0.4, 1.2] },
  { code: 'PET', en: ['Dog Treats', 'Cat Toy', 'Pet Bowl', 'Leash'], ko: ['강아지 간식', '고양이 장난감', '펫 보울'], units: ['200g', 'Small', 'Large'], price: [0.5, 2.4] },
  { code: 'SNK', en: ['Granola', 'Müsli', 'Rice Crackers', 'Jalapeño Chips', 'Dark Chocolate'], ko: ['그래놀라', '쌀과자', '약과', '다크 초콜릿'], units: ['300g', '6-pack', '100g'], price: [0.4, 1.4] },
];
// Categories whose products go together (complements are drawn from the same and these).
const PAIRED = { TEA: ['MUG', 'SNK'], COF: ['MUG', 'SNK'], MUG: ['TEA', 'COF'], KIT: ['KIT'], SKN: ['HAR'], HAR: ['SKN'],
  CDL: ['FRG'], FRG: ['CDL'], STA: ['BAG'], BAG: ['STA', 'APP'], APP: ['SCK'], SCK: ['APP'], PET: ['PET'], SNK: ['TEA', 'COF'] };
const ADJ_EN = ['Organic', 'Classic', 'Everyday', 'Limited', 'Handmade', 'Premium', 'Mini', 'Signature', 'Vintage', 'Café', 'Naïve'];
const ADJ_KO = ['유기농', '프리미엄', '데일리', '한정판', '수제', '미니', '시그니처', '빅사이즈'];
const VENDORS = ['Jeju Leaf', 'Seoul Ceramics', 'Maison Lumière', 'Hanok Living', 'Café Müller', 'Oat & Co.', 'Blue Harbor',
  '달빛공방', '소소한 상점', 'Nordlys', 'Peña Goods', 'Kumo Studio', 'Smith, Jones & Co', 'Haneul Beauty', 'Forêt Noire',
  '제주담', 'Little Paws', 'Paper Garden', 'Mökki Home', 'Ilsang Supply'];
// Typical prices (in the currency's unit); a category's range scales them.
const BASE_KRW = [5900, 8900, 9900, 12900, 15900, 18000, 19900, 24900, 29000, 32000, 39000, 45000, 49000, 59900];
const BASE_USD = [4.99, 7.5, 9.99, 12.0, 14.99, 18.0, 19.99, 24.0, 29.99, 34.0, 39.99, 48.0];

const KO_FAMILY = [['김', 'kim'], ['이', 'lee'], ['박', 'park'], ['최', 'choi'], ['정', 'jung'], ['강', 'kang'], ['조', 'cho'],
  ['윤', 'yoon'], ['장', 'jang'], ['임', 'lim'], ['한', 'han'], ['오', 'oh'], ['서', 'seo'], ['신', 'shin'], ['권', 'kwon'],
  ['황', 'hwang'], ['안', 'ahn'], ['송', 'song']];
const KO_GIVEN = [['민지', 'minji'], ['서연', 'seoyeon'], ['지훈', 'jihoon'], ['현우', 'hyunwoo'], ['수빈', 'subin'],
  ['예은', 'yeeun'], ['도윤', 'doyoon'], ['하은', 'haeun'], ['준서', 'junseo'], ['지우', 'jiwoo'], ['민준', 'minjun'],
  ['서준', 'seojun'], ['유나', 'yuna'], ['태민', 'taemin'], ['은비', 'eunbi'], ['재원', 'jaewon'], ['소율', 'soyul'], ['하람', 'haram']];
const LAT_GIVEN = [['José', 'jose'], ['Zoë', 'zoe'], ['Renée', 'renee'], ['Björn', 'bjorn'], ['Chloé', 'chloe'],
  ['Jürgen', 'jurgen'], ['Inés', 'ines'], ['François', 'francois'], ['Léa', 'lea'], ['Søren', 'soren'], ['Agustín', 'agustin'], ['Noémie', 'noemie']];
const LAT_FAMILY = [['Muñoz', 'munoz'], ['Müller', 'muller'], ['Lefèvre', 'lefevre'], ['Peña', 'pena'], ['García', 'garcia'],
  ['Schröder', 'schroder'], ['Dubois', 'dubois'], ['Núñez', 'nunez'], ['Öztürk', 'ozturk'], ['Fernández', 'fernandez'], ['Ibáñez', 'ibanez']];
const EN_GIVEN = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Sophia', 'Mason', 'Harper', 'James', 'Grace', 'Daniel', 'Chloe', 'Henry'];
const EN_FAMILY = ["O'Brien", 'Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Wilson', 'Davis', 'Clark', 'Walker', 'Young', 'Hall', 'Nguyen', 'Patel'];
const KO_DOMAINS = ['naver.com', 'gmail.com', 'daum.net', 'kakao.com', 'hanmail.net', 'nate.com'];
const INTL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hotmail.fr', 'web.de'];
const COMPANIES = ['(주)오늘의집', 'Kumo Studio LLC', 'Müller & Söhne GmbH', 'Blue Harbor, Inc.', '주식회사 소소'];

const KO_CITIES = [
  ['서울특별시', 'KR-11', 'Seoul', ['강남구 테헤란로', '마포구 와우산로', '성동구 성수이로', '송파구 올림픽로', '종로구 자하문로'], '0'],
  ['부산광역시', 'KR-26', 'Busan', ['해운대구 센텀중앙로', '수영구 광안해변로'], '4'],
  ['인천광역시', 'KR-28', 'Incheon', ['연수구 컨벤시아대로', '남동구 예술로'], '2'],
  ['대구광역시', 'KR-27', 'Daegu', ['수성구 동대구로', '중구 동성로'], '4'],
  ['성남시', 'KR-41', 'Gyeonggi-do', ['분당구 판교역로', '분당구 정자일로'], '1'],
  ['제주시', 'KR-49', 'Jeju-do', ['첨단로', '연동 신대로'], '6'],
];
const US_CITIES = [
  ['Brooklyn', 'NY', 'New York', '112', 0.08875], ['Austin', 'TX', 'Texas', '787', 0.0825], ['San José', 'CA', 'California', '951', 0.0725],
  ['Portland', 'OR', 'Oregon', '972', 0], ['Chicago', 'IL', 'Illinois', '606', 0.1025], ['Boston', 'MA', 'Massachusetts', '021', 0.0625],
];
const EU_CITIES = [['Lyon', 'FR', '69'], ['München', 'DE', '80'], ['Sevilla', 'ES', '41'], ['Zürich', 'CH', '80'], ['Göteborg', 'SE', '41']];
const US_STREETS = ['Main St', 'Maple Ave', 'Bedford Ave', 'Congress Ave', 'Alberta St', 'Newbury St', 'Elm St', 'Cedar Ln'];
const EU_STREETS = ['Rue de la République', 'Leopoldstraße', 'Calle Feria', 'Bahnhofstrasse', 'Avenyn'];

const NOTES = [
  'Gift wrap please, thank you!',
  '부재 시 문 앞에 놓아주세요.\n공동현관 비밀번호 #1234',
  'Call before delivery — "fragile", please',
  'Merci beaucoup ! Livraison après 18h, svp.',
  '선물용이에요. 가격표 빼주세요 :)',
  'Please use the side door.\nThe "front" bell is broken.',
  'Bitte beim Nachbarn abgeben (Müller, 2. OG).',
  '경비실에 맡겨주세요, 감사합니다!',
  'Entrega en recepción, por favor. ¡Gracias!',
];
const NOTE_ATTRIBUTES = [
  'utm_source: instagram\nutm_medium: social\nutm_campaign: fall',
  'utm_source: naver\nutm_medium: cpc\nutm_campaign: brand_search',
  'gift_message: Happy birthday, "Mina"!\ngift_wrap: yes',
  'delivery_date: 2025-12-24\ndelivery_window: 14:00-18:00',
  'utm_source: kakao\nutm_campaign: 친구추가_쿠폰',
  'referrer: https://www.instagram.com/\nlanding_page: /collections/new?ref=ig, story',
  'gift_message: Joyeux anniversaire, Zoë ! Bisous\ngift_wrap: no',
];
const TAGS = ['VIP', 'wholesale', 'gift', 'instagram', 'repeat', 'naver-pay', 'pre-order', 'B2B', 'local-pickup', '선물포장', 'influencer'];
const APP_SOURCES = ['580111', '1354745', '3890849'];
const EMPLOYEES = ['Jiwon Park', 'Seo-yeon Lim', 'Mateo Peña', 'Hana Cho'];
const LOCATIONS = ['Seongsu Flagship', 'Hannam Pop-up', 'Online Warehouse'];

// ---------------------------------------------------------------------------------------------
// Options.

const STATUS_NAMES = ['paid', 'partially_refunded', 'refunded', 'voided', 'pending'];
const PAID = 0, PARTIAL = 1, REFUNDED = 2, VOIDED = 3, PENDING = 4;
const SRC_WEB = 0, SRC_POS = 1, SRC_DRAFT = 2; // >= 3: APP_SOURCES[k - 3]
const SOURCES = ['web', 'pos', 'shopify_draft_order', ...APP_SOURCES];
const LINE_COUNT_CDF = [0.56, 0.83, 0.93, 0.97, 0.99, 1.0]; // 1..6 line items per order
const MEAN_LINES = 1.72;

function normalizeOptions(options = {}) {
  const o = { ...options };
  o.seed = (o.seed ?? 1) >>> 0;
  o.currency = o.currency ?? 'KRW';
  if (o.currency !== 'KRW' && o.currency !== 'USD') throw new Error(`currency must be KRW or USD, got ${o.currency}`);
  if (o.orders == null && o.targetRows == null) o.orders = 300;
  if (o.orders != null && o.targetRows != null) throw new Error('give orders or targetRows, not both');
  const estOrders = o.orders ?? Math.max(1, Math.round(o.targetRows / MEAN_LINES));
  o.estimatedOrders = estOrders;
  o.customers = o.customers ?? Math.max(1, Math.round(estOrders * 0.44));
  o.products = o.products ?? 1500;
  if (o.products < 20) throw new Error('products must be at least 20');
  o.startDate = o.startDate ?? '2023-01-02';
  o.days = o.days ?? Math.min(1000, Math.max(90, Math.round(estOrders / 4)));
  o.utcOffset = o.utcOffset ?? (o.currency === 'KRW' ? '+0900' : '-0500');
  o.anonymousShare = o.anonymousShare ?? 0.015; // POS orders with neither email nor phone
  o.phoneShare = o.phoneShare ?? (o.currency === 'KRW' ? 0.12 : 0.05); // phone-only guests
  o.sameDayShare = o.sameDayShare ?? 0.02; // orders followed by another one of the same customer that day
  return o;
}

// ---------------------------------------------------------------------------------------------
// Catalogue.

function buildCatalogue(o) {
  const rng = sfc32(o.seed, 1);
  const krw = o.currency === 'KRW';
  const P = o.products;
  const products = new Array(P);
  const byCategory = CATEGORIES.map(() => []);
  for (let p = 0; p < P; ++p) {
    const ci = p < CATEGORIES.length ? p : Math.floor(rng() * CATEGORIES.length);
    const cat = CATEGORIES[ci];
    const lang = rng();
    let name;
    if (lang < (krw ? 0.5 : 0.15)) {
      name = `${rng() < 0.5 ? pick(rng, ADJ_KO) + ' ' : ''}${pick(rng, cat.ko)} ${pick(rng, cat.units)}`;
    } else {
      name = `${rng() < 0.6 ? pick(rng, ADJ_EN) + ' ' : ''}${pick(rng, cat.en)} - ${pick(rng, cat.units)}`;
      const twist = rng();
      if (twist < 0.06) name += ', 2-pack';
      else if (twist < 0.1) name = name.replace(' - ', ' 12" - ');
      else if (twist < 0.13) name = `"${name}" Gift Set`;
    }
    const [lo, hi] = cat.price;
    const base = pick(rng, krw ? BASE_KRW : BASE_USD) * (lo + (hi - lo) * rng());
    let cents;
    if (krw) cents = Math.max(900, Math.round(base / 1000) * 1000 - (rng() < 0.6 ? 100 : 0)) * 100; // 12900.00
    else cents = Math.max(199, Math.round(base) * 100 - (rng() < 0.6 ? 1 : 0)); // 19.99
    const compare = rng() < 0.2 ? Math.round((cents * (1.15 + 0.3 * rng())) / (krw ? 10000 : 100)) * (krw ? 10000 : 100) : 0;
    const vendor = VENDORS[(ci * 3 + Math.floor(rng() * 4)) % VENDORS.length];
    const sku = `${cat.code}-${String(p + 1).padStart(5, '0')}${rng() < 0.3 ? '-' + pick(rng, ['S', 'M', 'L', 'BK', 'WH']) : ''}`;
    products[p] = { sku, name, category: cat.code, ci, vendor, cents, compare, requiresShipping: rng() > 0.02, complements: [], successor: -1 };
    byCategory[ci].push(p);
  }
  const codeIndex = Object.fromEntries(CATEGORIES.map((c, i) => [c.code, i]));
  for (let p = 0; p < P; ++p) {
    const pr = products[p];
    const pool = [byCategory[pr.ci], ...PAIRED[pr.category].map((c) => byCategory[codeIndex[c]])];
    const n = 1 + Math.floor(rng() * 3);
    for (let k = 0; k < n; ++k) {
      const list = pick(rng, pool);
      const q = pick(rng, list);
      if (q !== p && !pr.complements.includes(q)) pr.complements.push(q);
    }
    if (rng() < 0.45) {
      const q = pick(rng, byCategory[pr.ci]);
      if (q !== p) pr.successor = q;
    }
    // Pre-rendered CSV text of the product's line-item fields.
    pr.nameCsv = csvField(pr.name);
    pr.vendorCsv = csvField(pr.vendor);
    pr.priceCsv = money(pr.cents);
    pr.compareCsv = pr.compare ? money(pr.compare) : '';
    pr.shipCsv = pr.requiresShipping ? 'true' : 'false';
  }
  // Popularity: a Zipf-like weight over a random ranking.
  const rank = Array.from({ length: P }, (_, i) => i);
  for (let i = P - 1; i > 0; --i) {
    const j = Math.floor(rng() * (i + 1));
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  const cdf = new Float64Array(P);
  let acc = 0;
  for (let r = 0; r < P; ++r) {
    acc += 1 / Math.pow(r + 8, 0.95);
    cdf[r] = acc;
  }
  const popular = (u) => {
    const x = u * acc;
    let lo = 0, hi = P - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return rank[lo];
  };
  return { products, popular };
}

// ---------------------------------------------------------------------------------------------
// Customers: every detail is a function of (seed, customer index), so nothing is stored.

function customerProfile(o, c) {
  const rng = mulberry32(hash32(o.seed, c));
  const krw = o.currency === 'KRW';
  const phoneOnly = rng() < o.phoneShare;
  const l = rng();
  const locale = krw ? (l < 0.8 ? 'ko' : l < 0.9 ? 'lat' : 'en') : l < 0.72 ? 'en' : l < 0.9 ? 'lat' : 'ko';
  let name, local, domains;
  if (locale === 'ko') {
    const [fk, fr] = pick(rng, KO_FAMILY);
    const [gk, gr] = pick(rng, KO_GIVEN);
    name = fk + gk;
    local = rng() < 0.5 ? `${gr}.${fr}` : `${fr}${gr}`;
    domains = KO_DOMAINS;
  } else if (locale === 'lat') {
    const [g, gr] = pick(rng, LAT_GIVEN);
    const [f, fr] = pick(rng, LAT_FAMILY);
    name = `${g} ${f}`;
    local = rng() < 0.5 ? `${gr}.${fr}` : `${gr[0]}${fr}`;
    domains = INTL_DOMAINS;
  } else {
    const g = pick(rng, EN_GIVEN);
    const f = pick(rng, EN_FAMILY);
    name = `${g} ${f}`;
    local = `${g.toLowerCase()}${rng() < 0.5 ? '.' : '_'}${f.toLowerCase().replace("'", '')}`;
    domains = INTL_DOMAINS;
  }
  // The trailing number is unique per customer, so emails are unique.
  local += String(c + 11);
  if (rng() < 0.25) local = local.replace(/(^|[._])([a-z])/g, (m, p, ch) => p + ch.toUpperCase()); // Minji.Kim12@naver.com
  const email = `${local}@${pick(rng, domains)}`;
  // Phone numbers: a bijection of the customer index, so they are unique too.
  const usPhone = !krw && locale !== 'ko';
  let phoneKey, phoneA, phoneB;
  if (usPhone) {
    const x = String((c * 48271 + 1234567) % 10000000).padStart(7, '0');
    const area = pick(rng, ['212', '415', '512', '617', '503', '312']);
    phoneA = phoneB = `+1 ${area}-${x.slice(0, 3)}-${x.slice(3)}`;
    phoneKey = `1${area}${x}`;
  } else {
    const x = String((c * 48271 + 12345671) % 100000000).padStart(8, '0');
    phoneA = `+82 10-${x.slice(0, 4)}-${x.slice(4)}`;
    phoneB = `010-${x.slice(0, 4)}-${x.slice(4)}`;
    phoneKey = `010${x}`;
  }
  // Address.
  let addr;
  const inKorea = krw || locale === 'ko' ? (krw ? true : rng() < 0.5) : false;
  if (inKorea) {
    const [city, prov, provName, streets, zip0] = pick(rng, KO_CITIES);
    const a1 = `${pick(rng, streets)} ${intIn(rng, 1, 420)}`;
    const a2 = rng() < 0.45 ? `${intIn(rng, 101, 115)}동 ${intIn(rng, 1, 25)}0${intIn(rng, 1, 6)}호` : rng() < 0.5 ? `${intIn(rng, 2, 12)}층` : '';
    addr = { a1, a2, city, zip: `'${zip0}${String(intIn(rng, 1000, 9999))}`, prov, country: 'KR', provName, tax: 0.1, taxName: 'VAT 10%' };
  } else if (locale === 'lat' && rng() < 0.6) {
    const [city, country, zip0] = pick(rng, EU_CITIES);
    addr = { a1: `${pick(rng, EU_STREETS)} ${intIn(rng, 1, 120)}`, a2: rng() < 0.3 ? `Étage ${intIn(rng, 1, 6)}` : '', city, zip: `${zip0}${String(intIn(rng, 100, 999))}`, prov: '', country, provName: '', tax: 0, taxName: '' };
  } else {
    const [city, prov, provName, zip0, tax] = pick(rng, US_CITIES);
    addr = { a1: `${intIn(rng, 10, 9800)} ${pick(rng, US_STREETS)}`, a2: rng() < 0.35 ? `Apt ${intIn(rng, 1, 40)}${pick(rng, ['A', 'B', 'C'])}` : '', city, zip: `'${zip0}${String(intIn(rng, 10, 99))}`, prov, country: 'US', provName, tax, taxName: tax ? `${prov} State Tax ${+(tax * 100).toFixed(3)}%` : '' };
  }
  const company = rng() < 0.08 ? pick(rng, COMPANIES) : '';
  const acceptsMarketing = rng() < 0.45 ? 'yes' : 'no';
  return {
    phoneOnly, name, email, emailKey: email.toLowerCase(), phoneA, phoneB, phoneKey, usPhone, addr, company, acceptsMarketing,
    kind: phoneOnly ? 'phone' : 'email',
    key: phoneOnly ? phoneKey : email.toLowerCase(),
  };
}

// ---------------------------------------------------------------------------------------------
// Growable typed arrays.

class Column {
  constructor(Type, capacity) {
    this.Type = Type;
    this.a = new Type(Math.max(16, capacity));
  }
  set(i, v) {
    if (i >= this.a.length) {
      const b = new this.Type(Math.max(i + 1, this.a.length * 2));
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
}

// Orders by hour of the shop's day (quiet nights, an evening peak).
const HOUR_WEIGHTS = [2, 1.2, 0.7, 0.4, 0.4, 0.6, 1.2, 2.2, 3.5, 4.5, 5, 5.2, 5.6, 5, 4.8, 4.8, 5, 5.2, 5.5, 6.5, 7.5, 8, 7, 4.5];
const HOUR_CDF = (() => {
  const sum = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  const cdf = [0];
  for (const w of HOUR_WEIGHTS) cdf.push(cdf[cdf.length - 1] + w / sum);
  cdf[24] = 1;
  return cdf;
})();
/** Uniform "activity time" -> clock time of the same day, monotone. */
function clockTime(tau) {
  const day = Math.floor(tau / DAY);
  const f = (tau - day * DAY) / DAY;
  let h = 0;
  while (h < 23 && HOUR_CDF[h + 1] <= f) ++h;
  return day * DAY + h * 3600 + Math.floor(((f - HOUR_CDF[h]) / (HOUR_CDF[h + 1] - HOUR_CDF[h])) * 3600);
}

// ---------------------------------------------------------------------------------------------
// The model: orders in chronological order (index i = order #1001 + i).

function buildPlan(o, catalogue) {
  const rng = sfc32(o.seed, 2);
  const { products, popular } = catalogue;
  const krw = o.currency === 'KRW';
  const unit = krw ? 100 : 1; // smallest amount written, in cents
  const capO = Math.ceil(o.estimatedOrders * 1.1) + 16;
  const capL = Math.ceil(capO * MEAN_LINES * 1.1) + 16;
  const cols = {
    cust: new Column(Int32Array, capO), t: new Column(Float64Array, capO), status: new Column(Uint8Array, capO),
    source: new Column(Uint8Array, capO), lineStart: new Column(Int32Array, capO), lineCount: new Column(Uint8Array, capO),
    subtotal: new Column(Float64Array, capO), shipping: new Column(Float64Array, capO), taxes: new Column(Float64Array, capO),
    discount: new Column(Float64Array, capO), total: new Column(Float64Array, capO), refunded: new Column(Float64Array, capO),
    coupon: new Column(Int8Array, capO), sku: new Column(Int32Array, capL), qty: new Column(Uint8Array, capL),
  };
  const lastSku = new Column(Int32Array, o.customers + 16);
  const pool = new Column(Int32Array, o.customers * 2 + 16); // repeat buyers, once per unit of loyalty
  let poolSize = 0;
  let acquired = 0;
  const coupons = krw
    ? [['WELCOME10', 'pct', 10], ['FALL15', 'pct', 15], ['VIP5000', 'fixed', 500000], ['FREESHIP', 'ship', 0], ['친구추가3000', 'fixed', 300000]]
    : [['WELCOME10', 'pct', 10], ['FALL15', 'pct', 15], ['SAVE10', 'fixed', 1000], ['FREESHIP', 'ship', 0]];

  const t0 = daysFromIso(o.startDate) * DAY + 9 * 3600;
  const meanGap = (o.days * DAY) / o.estimatedOrders;
  // Arrivals run in "activity time" (a Poisson process); clock time follows the shop's day.
  const arrivalGap = () => Math.max(1, Math.round(-Math.log(1 - rng()) * meanGap));
  let nextArrival = t0 + arrivalGap();
  let tau = t0;
  let t = t0;
  let rows = 0;
  let lines = 0;
  let n = 0;
  let repeat = null; // {c, tau}: a same-day repeat order due at tau
  const picked = [];
  const taxCache = new Map();
  const taxOf = (c) => {
    let v = taxCache.get(c);
    if (v === undefined) {
      v = customerProfile(o, c).addr.tax;
      if (taxCache.size > 4096) taxCache.clear();
      taxCache.set(c, v);
    }
    return v;
  };

  for (;;) {
    if (o.orders != null ? n >= o.orders : rows >= o.targetRows) break;
    // When, and who: the customer of a same-day repeat that is due, an anonymous walk-in, a new
    // customer, or a returning one (weighted by loyalty).
    let c;
    if (repeat && repeat.tau <= nextArrival) {
      c = repeat.c;
      tau = repeat.tau;
      repeat = null;
    } else {
      tau = nextArrival;
      nextArrival += arrivalGap();
      if (rng() < o.anonymousShare) {
        c = -1;
      } else {
        const remainingOrders = Math.max(1, o.estimatedOrders - n);
        const wantNew = poolSize === 0 || (acquired < o.customers && rng() < (o.customers - acquired) / remainingOrders);
        if (wantNew) {
          c = acquired++;
          lastSku.set(c, -1);
          const u = rng();
          const weight = u < 0.58 ? 0 : u < 0.86 ? 1 : u < 0.96 ? 3 : 10; // one-time, occasional, regular, loyal
          for (let k = 0; k < weight; ++k) pool.set(poolSize++, c);
          if (poolSize === 0) pool.set(poolSize++, c); // someone must be able to come back
        } else {
          c = pool.a[Math.floor(rng() * poolSize)];
        }
      }
    }
    t = Math.max(t + 1, clockTime(tau));
    const i = n++;
    cols.cust.set(i, c);
    cols.t.set(i, t);

    // Channel and status.
    let src;
    if (c === -1) src = SRC_POS;
    else {
      const u = rng();
      src = u < 0.72 ? SRC_WEB : u < 0.84 ? SRC_POS : u < 0.9 ? SRC_DRAFT : 3 + Math.floor(rng() * APP_SOURCES.length);
    }
    let status;
    const u = rng();
    if (src === SRC_POS) status = u < 0.97 ? PAID : REFUNDED;
    else if (src === SRC_DRAFT) status = u < 0.7 ? PAID : u < 0.8 ? VOIDED : PENDING;
    else status = u < 0.83 ? PAID : u < 0.875 ? PARTIAL : u < 0.925 ? REFUNDED : u < 0.955 ? VOIDED : PENDING;

    // Line items: a popular product or the successor of the customer's previous one, then
    // complements of what is already in the basket.
    let want = 1;
    const ul = rng();
    while (ul > LINE_COUNT_CDF[want - 1]) ++want;
    if (o.targetRows != null) want = Math.min(want, o.targetRows - rows);
    picked.length = 0;
    const prev = c >= 0 ? lastSku.a[c] : -1;
    const first = prev >= 0 && products[prev].successor >= 0 && rng() < 0.4 ? products[prev].successor : popular(rng());
    picked.push(first);
    for (let tries = 0; picked.length < want && tries < want * 4; ++tries) {
      const base = products[picked[Math.floor(rng() * picked.length)]];
      const q = rng() < 0.6 && base.complements.length ? base.complements[Math.floor(rng() * base.complements.length)] : popular(rng());
      if (!picked.includes(q)) picked.push(q);
    }
    cols.lineStart.set(i, lines);
    cols.lineCount.set(i, picked.length);
    let subtotal = 0;
    for (const p of picked) {
      const uq = rng();
      const q = uq < 0.78 ? 1 : uq < 0.94 ? 2 : 3;
      cols.sku.set(lines, p);
      cols.qty.set(lines, q);
      ++lines;
      subtotal += products[p].cents * q;
    }
    rows += picked.length;
    if (c >= 0) lastSku.set(c, picked[picked.length - 1]);

    // Money, in integer cents.
    let shipping = 0;
    if (src !== SRC_POS) shipping = krw ? (subtotal >= 5000000 ? 0 : 300000) : subtotal >= 7500 ? 0 : 599;
    let couponIdx = -1;
    let discount = 0;
    if (rng() < (src === SRC_POS ? 0.04 : 0.16)) {
      couponIdx = Math.floor(rng() * coupons.length);
      const [, kind, v] = coupons[couponIdx];
      if (kind === 'pct') discount = Math.round((subtotal * v) / 100 / unit) * unit;
      else if (kind === 'fixed') discount = Math.min(v, Math.floor(subtotal / 2 / unit) * unit);
      else if (shipping > 0) discount = shipping;
      else couponIdx = -1;
    }
    const itemDiscount = couponIdx >= 0 && coupons[couponIdx][1] !== 'ship' ? discount : 0;
    const rate = c >= 0 ? taxOf(c) : krw ? 0.1 : 0.08875;
    const taxes = Math.round(((subtotal - itemDiscount) * rate) / unit) * unit;
    const total = subtotal + shipping + taxes - discount;
    let refunded = 0;
    if (status === REFUNDED) refunded = total;
    else if (status === PARTIAL) {
      if (picked.length > 1) {
        const k = Math.floor(rng() * picked.length);
        refunded = products[picked[k]].cents * cols.qty.a[lines - picked.length + k];
      }
      if (!(refunded > 0 && refunded < total)) refunded = Math.round((total * (0.2 + 0.3 * rng())) / unit) * unit;
      if (!(refunded > 0 && refunded < total)) {
        if (total >= 2 * unit) refunded = unit;
        else status = PAID, refunded = 0;
      }
    }
    cols.status.set(i, status);
    cols.source.set(i, src);
    cols.subtotal.set(i, subtotal);
    cols.shipping.set(i, shipping);
    cols.taxes.set(i, taxes);
    cols.discount.set(i, discount);
    cols.total.set(i, total);
    cols.refunded.set(i, refunded);
    cols.coupon.set(i, couponIdx);

    if (c >= 0 && !repeat && (status === PAID || status === PARTIAL) && rng() < o.sameDayShare) {
      // The same customer again, a few minutes to a few hours later on the same day.
      const due = tau + 300 + Math.floor(rng() * 10000);
      if (Math.floor(due / DAY) === Math.floor(tau / DAY)) repeat = { c, tau: due };
    }
  }
  // Each order's Note Attributes text, chosen when the order is written (render).
  const plan = { n, rows, lines, customerCount: acquired, coupons, endT: t, noteAttribute: new Map() };
  for (const [k, col] of Object.entries(cols)) plan[k] = col.a;
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Ground truth (docs/ingestion.md), from the model.

const isPurchase = (s) => s === PAID || s === PARTIAL;
const netCents = (plan, i) => (plan.status[i] === PAID ? plan.total[i] : plan.status[i] === PARTIAL ? plan.total[i] - plan.refunded[i] : 0);

function computeExpected(o, plan, catalogue, withCustomers) {
  const { n, cust, t, status, lineStart, lineCount, sku, qty, total, source } = plan;
  const C = plan.customerCount;
  const P = catalogue.products.length;
  let read = 0, used = 0, skipped = 0, usedLines = 0;
  const byStatus = [0, 0, 0, 0, 0];
  const seen = new Uint8Array(C);
  const buys = new Uint8Array(C);
  const productSeen = new Uint8Array(P);
  let products = 0, customers = 0, ordersTotal = 0;
  let firstDay = Infinity, lastDay = -Infinity;
  const appearance = []; // customers in the order the file first shows them (newest first)
  for (let i = n - 1; i >= 0; --i) {
    const rowsOf = lineCount[i];
    read += rowsOf;
    const c = cust[i];
    if (c < 0) {
      skipped += rowsOf;
      continue;
    }
    used += rowsOf;
    usedLines += rowsOf;
    ++ordersTotal;
    ++byStatus[status[i]];
    if (!seen[c]) {
      seen[c] = 1;
      ++customers;
      appearance.push(c);
    }
    for (let l = lineStart[i]; l < lineStart[i] + rowsOf; ++l) {
      if (!productSeen[sku[l]]) {
        productSeen[sku[l]] = 1;
        ++products;
      }
    }
    if (isPurchase(status[i])) {
      buys[c] = 1;
      const d = Math.floor(t[i] / DAY);
      if (d < firstDay) firstDay = d;
      if (d > lastDay) lastDay = d;
    }
  }
  let withoutPurchase = 0;
  for (let c = 0; c < C; ++c) if (seen[c] && !buys[c]) ++withoutPurchase;
  const anyPurchase = lastDay >= firstDay;
  const diagnostics = {
    rows: { read, used, skipped },
    skipped: skipped ? [{ reason: 'missing_customer', count: skipped }] : [],
    orders: {
      total: ordersTotal, paid: byStatus[PAID], partiallyRefunded: byStatus[PARTIAL], refunded: byStatus[REFUNDED],
      cancelled: byStatus[VOIDED], pending: byStatus[PENDING],
    },
    lineItems: usedLines,
    customers,
    customersWithoutPurchase: withoutPurchase,
    products,
    firstOrderDate: anyPurchase ? isoDay(firstDay) : '',
    lastOrderDate: anyPurchase ? isoDay(lastDay) : '',
  };
  if (!withCustomers) return { diagnostics };

  // Per customer, over the orders up to the end date (the last purchase in the file), in date order.
  const end = lastDay;
  const nP = new Int32Array(C), days = new Int32Array(C), first = new Int32Array(C), last = new Int32Array(C);
  const firstSrc = new Int8Array(C);
  const firstNote = new Array(C);
  const gross = new Float64Array(C), net = new Float64Array(C), repeatNet = new Float64Array(C), items = new Float64Array(C);
  const bought = new Map();
  for (let i = 0; i < n; ++i) {
    const c = cust[i];
    if (c < 0) continue;
    const d = Math.floor(t[i] / DAY);
    if (d > end) continue;
    const s = status[i];
    if (s === PAID || s === PARTIAL || s === REFUNDED) gross[c] += total[i];
    if (!isPurchase(s)) continue;
    const v = netCents(plan, i);
    net[c] += v;
    if (nP[c] === 0) {
      first[c] = d;
      firstSrc[c] = source[i];
      firstNote[c] = plan.noteAttribute.get(i);
      days[c] = 1;
    } else if (d !== last[c]) {
      ++days[c];
    }
    if (days[c] > 1) repeatNet[c] += v;
    last[c] = d;
    ++nP[c];
    let set = bought.get(c);
    if (!set) bought.set(c, (set = new Set()));
    for (let l = lineStart[i]; l < lineStart[i] + lineCount[i]; ++l) {
      items[c] += qty[l];
      set.add(sku[l]);
    }
  }
  const list = [];
  for (const c of appearance) {
    if (!nP[c]) continue;
    const prof = customerProfile(o, c);
    list.push({
      id: prof.key,
      idKind: prof.kind,
      email: prof.phoneOnly ? '' : prof.emailKey,
      name: prof.name,
      orders: nP[c],
      repeatOrders: nP[c] - 1,
      firstOrder: isoDay(first[c]),
      lastOrder: isoDay(last[c]),
      grossRevenue: gross[c] / 100,
      netRevenue: net[c] / 100,
      aov: net[c] / 100 / nP[c],
      items: items[c],
      // A utm_source in the first order's Note Attributes names the channel, else its Source.
      firstChannel: /utm_source: ([^\n]*)/.exec(firstNote[c] ?? '')?.[1] ?? SOURCES[firstSrc[c]],
      products: bought.get(c).size,
      frequency: days[c] - 1,
      recency: last[c] - first[c],
      T: end - first[c],
      monetary: days[c] > 1 ? repeatNet[c] / 100 / (days[c] - 1) : 0,
    });
  }
  return { diagnostics, customers: list };
}

// ---------------------------------------------------------------------------------------------
// Rendering: the CSV text, newest order first.

function render(o, plan, catalogue, emit) {
  const rng = sfc32(o.seed, 3);
  const { products } = catalogue;
  const { cust, t, status, source, lineStart, lineCount, sku, qty, subtotal, shipping, taxes, discount, total, refunded, coupon } = plan;
  const krw = o.currency === 'KRW';
  const off = ' ' + o.utcOffset;
  const when = (secs) => {
    const d = Math.floor(secs / DAY);
    let s = secs - d * DAY;
    const hh = Math.floor(s / 3600);
    s -= hh * 3600;
    const mm = Math.floor(s / 60);
    return `${isoDay(d)} ${pad2(hh)}:${pad2(mm)}:${pad2(s - mm * 60)}${off}`;
  };
  const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const token = (len) => {
    let s = '';
    for (let k = 0; k < len; ++k) s += B62[Math.floor(rng() * 62)];
    return s;
  };
  const digits = (len) => {
    let s = '' + (1 + Math.floor(rng() * 9));
    for (let k = 1; k < len; ++k) s += Math.floor(rng() * 10);
    return s;
  };
  const webPay = krw ? ['Shopify Payments', 'KG이니시스', 'Naver Pay', 'Kakao Pay', 'Toss Payments'] : ['Shopify Payments', 'PayPal Express Checkout', 'Shop Pay'];
  const shipMethods = krw ? ['CJ대한통운 택배', '우체국 택배', 'Express (1-2 days)'] : ['Standard Shipping', 'Express', 'USPS Priority Mail'];
  const commas = (k) => ','.repeat(k);
  const C14 = commas(14), C27 = commas(27), C9 = commas(9), C19 = commas(19);
  const endT = plan.endT;
  const idBase = 5600000000000 + (o.seed % 1000) * 1000000;

  let buf = HEADER;
  let rowCount = 0;
  const f = new Array(SHOPIFY_COLUMNS.length);
  for (let i = plan.n - 1; i >= 0; --i) {
    const c = cust[i];
    const prof = c >= 0 ? customerProfile(o, c) : null;
    const name = `#${1001 + i}`;
    const created = when(t[i]);
    const s = status[i];
    const src = source[i];
    const pos = src === SRC_POS;
    // Email in the customer's own spelling, sometimes all lower or upper case.
    let email = '';
    if (prof && !prof.phoneOnly) {
      const u = rng();
      email = u < 0.8 ? prof.email : u < 0.9 ? prof.emailKey : prof.email.toUpperCase();
    }
    let phone = '';
    if (prof && (prof.phoneOnly || rng() < 0.3)) phone = prof.usPhone || rng() < 0.5 ? prof.phoneA : prof.phoneB;
    const age = endT - t[i];
    let fulfillment, fulfilledAt = '', lineFs;
    if (s === VOIDED || s === PENDING) (fulfillment = 'unfulfilled'), (lineFs = 'pending');
    else if (s === REFUNDED) (fulfillment = rng() < 0.5 ? 'restocked' : 'fulfilled'), (lineFs = fulfillment === 'restocked' ? 'restocked' : 'fulfilled');
    else if (pos) (fulfillment = 'fulfilled'), (lineFs = 'fulfilled');
    else if (age < 3 * DAY && rng() < 0.7) (fulfillment = rng() < 0.8 ? 'unfulfilled' : 'partial'), (lineFs = 'pending');
    else (fulfillment = 'fulfilled'), (lineFs = 'fulfilled');
    if (fulfillment === 'fulfilled') fulfilledAt = when(t[i] + (pos ? 0 : intIn(rng, 3600, 4 * DAY)));
    const paidAt = s === VOIDED || s === PENDING ? '' : when(t[i] + (rng() < 0.85 ? intIn(rng, 0, 5) : intIn(rng, 60, 20 * 3600)));
    const pct = coupon[i] >= 0 && plan.coupons[coupon[i]][1] === 'pct' ? plan.coupons[coupon[i]][2] : 0;

    f.fill('');
    f[0] = name;
    f[1] = email;
    f[2] = STATUS_NAMES[s];
    f[3] = paidAt;
    f[4] = fulfillment;
    f[5] = fulfilledAt;
    f[6] = prof ? prof.acceptsMarketing : 'no';
    f[7] = o.currency;
    f[8] = money(subtotal[i]);
    f[9] = money(shipping[i]);
    f[10] = money(taxes[i]);
    f[11] = money(total[i]);
    if (coupon[i] >= 0) {
      f[12] = csvField(plan.coupons[coupon[i]][0]);
      f[13] = money(discount[i]);
    } else f[13] = '0.00';
    f[14] = pos ? '' : pick(rng, shipMethods);
    f[15] = created;
    if (prof) {
      const a = prof.addr;
      const street = csvField(a.a2 ? `${a.a1}, ${a.a2}` : a.a1);
      const nm = csvField(prof.name);
      f[24] = nm;
      f[25] = street;
      f[26] = csvField(a.a1);
      f[27] = csvField(a.a2);
      f[28] = csvField(prof.company);
      f[29] = csvField(a.city);
      f[30] = a.zip;
      f[31] = a.prov;
      f[32] = a.country;
      f[33] = phone;
      if (!pos) {
        for (let k = 24; k <= 33; ++k) f[k + 10] = f[k];
        f[74] = csvField(a.provName);
      }
      f[73] = csvField(a.provName);
    }
    const un = rng();
    if (un < 0.07) f[44] = csvField(pick(rng, NOTES));
    if (un > 0.85) {
      const note = pick(rng, NOTE_ATTRIBUTES);
      f[45] = csvField(note);
      plan.noteAttribute.set(i, note);  // the model's acquisition channel reads its utm_source
    }
    if (s === VOIDED) f[46] = when(t[i] + intIn(rng, 600, 3 * DAY));
    const card = rng() < 0.5;
    f[47] = s === PENDING ? (krw ? '무통장입금' : 'Bank Deposit') : pos ? (card ? 'Shopify Payments' : 'Cash') : csvField(pick(rng, webPay));
    const ref = `c${digits(11)}.${s === PENDING ? 1 : intIn(rng, 1, 2)}`;
    f[48] = ref;
    f[49] = money(refunded[i]);
    f[51] = s === PENDING ? money(total[i]) : '0.00';
    if (pos) {
      f[52] = pick(rng, EMPLOYEES);
      f[53] = pick(rng, LOCATIONS);
      f[54] = String(40000000 + (i % 7) * 1111);
      f[71] = `${1 + (i % 3)}-${1000 + i}`;
    }
    f[55] = String(idBase + i * 37 + (i % 11));
    const ut = rng();
    if (ut < 0.35) {
      const k = ut < 0.25 ? 1 : ut < 0.32 ? 2 : 3;
      const tags = [];
      while (tags.length < k) {
        const g = pick(rng, TAGS);
        if (!tags.includes(g)) tags.push(g);
      }
      f[56] = csvField(tags.join(', '));
    }
    const ur = rng();
    f[57] = ur < 0.93 ? 'Low' : ur < 0.98 ? 'Medium' : 'High';
    f[58] = SOURCES[src];
    if (taxes[i] > 0) {
      const taxName = prof ? prof.addr.taxName : krw ? 'VAT 10%' : 'NY State Tax 8.875%';
      f[60] = csvField(taxName || (krw ? 'VAT 10%' : 'Sales Tax'));
      f[61] = money(taxes[i]);
    }
    f[70] = prof ? (prof.phoneOnly ? phone : rng() < 0.2 ? prof.phoneA : '') : '';
    if (s !== PENDING && !(pos && !card)) f[75] = `p${token(12)}`;
    if (src === SRC_DRAFT && s === PENDING) {
      f[76] = 'Net 30';
      f[77] = when(t[i] + 30 * DAY);
    }
    f[78] = ref;

    const l0 = lineStart[i];
    const count = lineCount[i];
    for (let l = l0; l < l0 + count; ++l) {
      const pr = products[sku[l]];
      const q = qty[l];
      const ld = pct ? money(Math.round((pr.cents * q * pct) / 100)) : '0.00';
      const lineFields = `${q},${pr.nameCsv},${pr.priceCsv},${pr.compareCsv},${pr.sku},${pr.shipCsv},true,${lineFs}`;
      if (l === l0) {
        f[16] = lineFields;
        f[50] = pr.vendorCsv;
        f[59] = ld;
        // f[16] carries the eight Lineitem fields 16..23: skip 17..23 when joining.
        buf += f.slice(0, 17).join(',') + ',' + f.slice(24).join(',') + '\n';
      } else {
        buf += `${name},${email}${C14}${created},${lineFields}${C27}${pr.vendorCsv}${C9}${ld}${C19}\n`;
      }
      ++rowCount;
    }
    if (buf.length > 1 << 22) {
      emit(buf);
      buf = '';
    }
  }
  emit(buf);
  return rowCount;
}

// ---------------------------------------------------------------------------------------------
// API.

/**
 * A generator for one set of options: {seed, orders | targetRows, customers, products, currency
 * ('KRW' | 'USD'), startDate, days, utcOffset, anonymousShare, phoneShare, sameDayShare}.
 */
export function createShopifyGenerator(options = {}) {
  const o = normalizeOptions(options);
  let cached;
  const model = () => {
    if (!cached) {
      const catalogue = buildCatalogue(o);
      cached = { catalogue, plan: buildPlan(o, catalogue) };
    }
    return cached;
  };
  return {
    options: o,
    /** {csv, rows, bytes, expected: {diagnostics, customers}} in memory. */
    generate({ customers = true } = {}) {
      const { catalogue, plan } = model();
      const parts = [];
      const rows = render(o, plan, catalogue, (s) => parts.push(s));
      const csv = parts.join('');
      return { csv, rows, bytes: Buffer.byteLength(csv), expected: computeExpected(o, plan, catalogue, customers) };
    },
    /** Streams the CSV to a file in large writes: {path, rows, bytes, expected}. */
    write(path, { customers = o.estimatedOrders <= 100000 } = {}) {
      const { catalogue, plan } = model();
      const fd = fs.openSync(path, 'w');
      let bytes = 0;
      let rows;
      try {
        rows = render(o, plan, catalogue, (s) => {
          if (s) bytes += fs.writeSync(fd, s);
        });
      } finally {
        fs.closeSync(fd);
      }
      return { path, rows, bytes, expected: computeExpected(o, plan, catalogue, customers) };
    },
  };
}

/** {csv, rows, bytes, expected} for the options (see createShopifyGenerator). */
export function generate(options) {
  return createShopifyGenerator(options).generate();
}

/** Writes the export to `path`; returns {path, rows, bytes, expected} (expected.customers only for ≤ 100,000 orders). */
export function writeShopifyExport(path, options) {
  return createShopifyGenerator(options).write(path);
}
