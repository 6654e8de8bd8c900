#include "ingest/encoding.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

#include "ingest/cp949_table.hpp"
#include "ingest/swar.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr std::size_t kPrefixBytes = 512;  // held before deciding BOM / UTF-16
constexpr std::size_t kProbeBytes = 256;   // non-ASCII text looked at before choosing UTF-8 or CP949
constexpr std::size_t kMaxExamples = 5;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct NamedEncoding {
  std::string_view label;
  Encoding encoding;
};
constexpr std::array<NamedEncoding, 13> kLabels = {{
    {"auto", Encoding::Auto},        {"utf8", Encoding::Utf8},        {"cp949", Encoding::Cp949},
    {"euckr", Encoding::Cp949},      {"uhc", Encoding::Cp949},        {"ksc56011987", Encoding::Cp949},
    {"windows949", Encoding::Cp949}, {"ms949", Encoding::Cp949},      {"utf16le", Encoding::Utf16Le},
    {"utf16", Encoding::Utf16Le},    {"unicode", Encoding::Utf16Le},  {"utf16be", Encoding::Utf16Be},
    {"ucs2", Encoding::Utf16Le},
}};

enum class SeqStatus : std::uint8_t { Valid, Invalid, Incomplete };

// Classifies the UTF-8 sequence starting at p[0] (a byte >= 0x80). On Valid, `len` is its
// length; on Invalid, `len` is the length of the maximal valid prefix to replace (>= 1).
SeqStatus utf8_sequence(const unsigned char* p, std::size_t avail, std::size_t& len) {
  const unsigned char b0 = p[0];
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    len = 1;
    return SeqStatus::Invalid;
  }
  for (std::size_t i = 1; i < need; ++i) {
    if (i >= avail) return SeqStatus::Incomplete;
    const unsigned char b = p[i];
    const bool ok = (i == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) {
      len = i;
      return SeqStatus::Invalid;
    }
  }
  len = need;
  return SeqStatus::Valid;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  char buf[4];
  for (std::size_t i = 0; i < bytes.size() && i < 4; ++i) {
    std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned char>(bytes[i]));
    if (!out.empty()) out += ' ';
    out += buf;
  }
  return out;
}

// The index of the first non-ASCII byte in d[i, n), adding the line feeds passed to `lines`;
// 8 bytes at a time (the common case: most of an export is ASCII).
std::size_t skip_ascii(const char* d, std::size_t i, std::size_t n, std::uint64_t& lines) {
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t w = swar::load(d + i);
    if (w & swar::kHighBits) break;
    lines += swar::count_flagged(swar::equal_bytes(w, '\n'));
  }
  for (; i < n && static_cast<unsigned char>(d[i]) < 0x80; ++i) lines += d[i] == '\n';
  return i;
}

}  // namespace

std::optional<Encoding> encoding_from_name(std::string_view name) {
  const std::string key = normalize_header_name(name);
  for (const auto& l : kLabels)
    if (l.label == key) return l.encoding;
  return std::nullopt;
}

// Share of zero bytes at even and at odd offsets of the first bytes: UTF-16 text that is
// mostly ASCII has a zero in every other byte.
std::optional<Encoding> utf16_by_zero_pattern(std::string_view prefix) {
  const std::size_t n = prefix.size() & ~std::size_t{1};
  if (n < 8) return std::nullopt;
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    zero_even += prefix[i] == '\0';
    zero_odd += prefix[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (zero_odd * 10 >= pairs * 3 && zero_even * 20 < pairs) return Encoding::Utf16Le;
  if (zero_even * 10 >= pairs * 3 && zero_odd * 20 < pairs) return Encoding::Utf16Be;
  return std::nullopt;
}

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Auto: return "auto";
    case Encoding::Utf8: return "utf-8";
    case Encoding::Cp949: return "cp949";
    case Encoding::Utf16Le: return "utf-16le";
    case Encoding::Utf16Be: return "utf-16be";
  }
  return "auto";
}

StreamingDecoder::StreamingDecoder(Encoding requested, std::uint64_t base_offset)
    : requested_(requested), consumed_(base_offset) {}

void StreamingDecoder::push(std::string_view bytes, TextSink& sink) {
  bytes_in_ += bytes.size();
  run(bytes, false, sink);
}

void StreamingDecoder::finish(TextSink& sink) { run({}, true, sink); }

void StreamingDecoder::run(std::string_view bytes, bool final, TextSink& sink) {
  if (stage_ == Stage::Prefix) {
    held_.append(bytes);
    if (held_.size() < kPrefixBytes && !final) return;
    std::string prefix;
    prefix.swap(held_);
    decide_from_prefix(std::string_view(prefix).substr(0, kPrefixBytes));
    std::string_view rest = prefix;
    if (had_bom_) {
      const std::size_t bom = encoding_ == Encoding::Utf8 ? 3 : 2;
      rest.remove_prefix(bom);
      consumed_ += bom;
    }
    if (stage_ == Stage::AsciiUndecided) {
      run_ascii_undecided(rest, final, sink);
    } else {
      decode(rest, final, sink);
    }
    return;
  }
  if (stage_ == Stage::AsciiUndecided) {
    run_ascii_undecided(bytes, final, sink);
    return;
  }
  if (stage_ == Stage::Probing) {
    held_.append(bytes);
    if (held_.size() < kProbeBytes && !final) return;
    std::string window;
    window.swap(held_);
    decide_ascii_compatible(std::string_view(window).substr(0, kProbeBytes));
    decode(window, final, sink);
    return;
  }
  decode(bytes, final, sink);
}

void StreamingDecoder::decide_from_prefix(std::string_view p) {
  // A BOM wins over everything but an explicit request for another encoding.
  struct Bom {
    std::string_view bytes;
    Encoding encoding;
    const char* name;
  };
  const Bom boms[] = {{"\xEF\xBB\xBF", Encoding::Utf8, "UTF-8"},
                      {"\xFF\xFE", Encoding::Utf16Le, "UTF-16LE"},
                      {"\xFE\xFF", Encoding::Utf16Be, "UTF-16BE"}};
  for (const Bom& bom : boms) {
    if (p.starts_with(bom.bytes) && (requested_ == Encoding::Auto || requested_ == bom.encoding)) {
      encoding_ = bom.encoding;
      had_bom_ = true;
      reason_ = std::string(bom.name) + " byte-order mark";
      stage_ = Stage::Decoding;
      return;
    }
  }
  if (requested_ != Encoding::Auto) {
    encoding_ = requested_;
    reason_ = "requested by the caller";
    stage_ = Stage::Decoding;
    return;
  }
  if (auto utf16 = utf16_by_zero_pattern(p)) {
    encoding_ = *utf16;
    reason_ = std::string(encoding_name(*utf16)) + " without byte-order mark (every other byte is zero)";
    stage_ = Stage::Decoding;
    return;
  }
  stage_ = Stage::AsciiUndecided;  // decided at the first non-ASCII byte
}

void StreamingDecoder::run_ascii_undecided(std::string_view bytes, bool final, TextSink& sink) {
  const std::size_t n = bytes.size();
  const std::size_t i = skip_ascii(bytes.data(), 0, n, lines_);
  const std::string_view ascii = bytes.substr(0, i);
  consumed_ += ascii.size();
  if (!ascii.empty()) sink.on_text(ascii);
  if (i == n) {
    if (final) {
      encoding_ = Encoding::Utf8;
      reason_ = "ASCII only (read as UTF-8)";
      ascii_only_ = true;
      stage_ = Stage::Decoding;
    }
    return;
  }
  stage_ = Stage::Probing;  // held_ is empty: run() holds the rest until the window is full
  run(bytes.substr(i), final, sink);
}

void StreamingDecoder::decide_ascii_compatible(std::string_view window) {
  // CP949 Hangul lead bytes (0xB0-0xC8) are UTF-8 continuation bytes, so real Korean CP949
  // text fails UTF-8 validation at once; a window of valid UTF-8 is UTF-8.
  const auto* u = reinterpret_cast<const unsigned char*>(window.data());
  std::size_t i = 0;
  bool valid = true;
  while (i < window.size()) {
    if (u[i] < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    const SeqStatus st = utf8_sequence(u + i, window.size() - i, len);
    if (st == SeqStatus::Valid) {
      i += len;
    } else {
      if (st == SeqStatus::Incomplete) break;  // cut by the window or the file end: no evidence
      valid = false;
      break;
    }
  }
  stage_ = Stage::Decoding;
  if (valid) {
    encoding_ = Encoding::Utf8;
    reason_ = "valid UTF-8 (first non-ASCII text at byte " + std::to_string(consumed_) + ")";
  } else {
    encoding_ = Encoding::Cp949;
    reason_ = "not valid UTF-8 at byte " + std::to_string(consumed_ + i) + ": read as CP949 (Korean Windows / EUC-KR)";
  }
}

void StreamingDecoder::decode(std::string_view bytes, bool final, TextSink& sink) {
  switch (encoding_) {
    case Encoding::Cp949: decode_cp949(bytes, final, sink); break;
    case Encoding::Utf16Le:
    case Encoding::Utf16Be: decode_utf16(bytes, final, sink); break;
    default: decode_utf8(bytes, final, sink); break;
  }
}

void StreamingDecoder::report_invalid(std::string_view bytes, std::uint64_t offset) {
  if (holding_invalid_) {
    held_invalid_.push_back({lines_ + 1, offset, hex_bytes(bytes)});
    return;
  }
  ++invalid_count_;
  if (invalid_examples_.size() < kMaxExamples)
    invalid_examples_.push_back({lines_ + 1, offset, hex_bytes(bytes)});
}

void StreamingDecoder::count_invalid_from(std::uint64_t offset) {
  holding_invalid_ = false;
  for (DecodeIssue& issue : held_invalid_) {
    if (issue.byte_offset < offset) continue;
    ++invalid_count_;
    if (invalid_examples_.size() < kMaxExamples) invalid_examples_.push_back(std::move(issue));
  }
  held_invalid_ = {};
}

void StreamingDecoder::decode_utf8(std::string_view bytes, bool final, TextSink& sink) {
  const auto* u = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  const std::uint64_t base = consumed_ + held_.size();  // raw offset of bytes[0]
  std::size_t i = 0;

  // A sequence split by the previous chunk: complete it from this one.
  if (!held_.empty()) {
    unsigned char seq[4];
    const std::size_t h = held_.size();
    std::memcpy(seq, held_.data(), h);
    const std::size_t take = std::min<std::size_t>(4 - h, n);
    if (take) std::memcpy(seq + h, u, take);  // finish() passes no bytes (a null pointer)
    std::size_t len = 0;
    const SeqStatus st = utf8_sequence(seq, h + take, len);
    if (st == SeqStatus::Incomplete && !final) {
      held_.append(bytes);  // still short: the whole chunk was part of it
      return;
    }
    if (st == SeqStatus::Valid) {
      sink.on_text(std::string_view(reinterpret_cast<const char*>(seq), len));
      i = len - h;
    } else {
      // The held bytes are a valid prefix; the part replaced is the sequence's maximal valid
      // prefix, as a one-chunk read replaces it, and it may reach into this chunk: "EC | 83 5D"
      // is one U+FFFD for EC 83, as "EC 83 5D" is (found by fuzzing: two U+FFFD before). At the
      // end of the file everything left is the part cut short.
      const std::size_t bad = st == SeqStatus::Invalid ? std::max(len, h) : h + take;
      report_invalid(std::string_view(reinterpret_cast<const char*>(seq), bad), consumed_);
      sink.on_text(kReplacement);
      i = bad - h;
    }
    held_.clear();
  }

  std::size_t run_start = i;
  auto flush = [&](std::size_t end) {
    if (end > run_start) sink.on_text(bytes.substr(run_start, end - run_start));
  };
  while (i < n) {
    i = skip_ascii(bytes.data(), i, n, lines_);  // counting line feeds for diagnostics
    if (i >= n) break;
    const unsigned char c = u[i];
    // Inline check of the common 2- and 3-byte sequences (Latin accents, Hangul); the general
    // classifier handles the rest and every error.
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (c >= 0xE1 && c <= 0xEC && i + 2 < n && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    std::size_t len = 0;
    const SeqStatus st = utf8_sequence(u + i, n - i, len);
    if (st == SeqStatus::Valid) {
      i += len;
      continue;
    }
    if (st == SeqStatus::Incomplete && !final) {
      flush(i);
      held_.assign(bytes.substr(i));
      consumed_ = base + i;
      return;
    }
    if (st == SeqStatus::Incomplete) len = n - i;  // cut by the end of the file
    flush(i);
    report_invalid(bytes.substr(i, len), base + i);
    sink.on_text(kReplacement);
    i += len;
    run_start = i;
  }
  flush(n);
  consumed_ = base + n;
}

void StreamingDecoder::decode_cp949(std::string_view bytes, bool final, TextSink& sink) {
  const auto* u = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  const std::uint64_t base = consumed_ + held_.size();  // raw offset of bytes[0]
  out_.clear();
  std::size_t i = 0;
  auto replace = [&](std::string_view bad, std::uint64_t offset) {
    report_invalid(bad, offset);
    out_ += kReplacement;
  };
  // A lead byte and the byte after it, at file offset `offset`: one character, or U+FFFD for
  // the lead alone when the next byte is ASCII (decoded on its own), else for both. Returns the
  // bytes used.
  auto decode_pair = [&](const char* two, std::uint64_t offset) -> std::size_t {
    const auto lead = static_cast<unsigned char>(two[0]);
    const auto trail = static_cast<unsigned char>(two[1]);
    if (const std::uint16_t cp = cp949_lookup(lead, trail)) {
      append_utf8(out_, cp);
      return 2;
    }
    const std::size_t bad = trail < 0x80 ? 1 : 2;
    replace(std::string_view(two, bad), offset);
    return bad;
  };
  // A lead byte left by the previous chunk.
  if (!held_.empty()) {
    if (n == 0 && !final) return;
    if (n == 0) {
      replace(held_, consumed_);
    } else {
      const char two[2] = {held_[0], bytes[0]};
      i = decode_pair(two, consumed_) - 1;  // the bytes used from this chunk
    }
    held_.clear();
  }
  while (i < n) {
    const unsigned char c = u[i];
    if (c < 0x80) {
      const std::size_t start = i;
      i = skip_ascii(bytes.data(), i, n, lines_);
      out_.append(bytes.data() + start, i - start);
      continue;
    }
    if (c == 0x80 || c == 0xFF) {
      replace(bytes.substr(i, 1), base + i);
      ++i;
      continue;
    }
    if (i + 1 >= n) {
      if (final) {
        replace(bytes.substr(i, 1), base + i);
        ++i;
        continue;
      }
      held_.assign(1, static_cast<char>(c));
      break;
    }
    i += decode_pair(bytes.data() + i, base + i);
  }
  consumed_ = base + i;
  if (!out_.empty()) sink.on_text(out_);
}

void StreamingDecoder::decode_utf16(std::string_view bytes, bool final, TextSink& sink) {
  const bool little = encoding_ == Encoding::Utf16Le;
  const std::uint64_t base = consumed_;  // held_ (an odd byte) starts here
  out_.clear();
  std::string joined;
  std::string_view in = bytes;
  if (!held_.empty()) {
    joined = held_;
    joined.append(bytes);
    held_.clear();
    in = joined;
  }
  const auto* u = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t pairs = in.size() / 2;
  auto replace_unit = [&](std::uint32_t unit, std::uint64_t offset) {
    const char raw[2] = {static_cast<char>(little ? unit & 0xFF : unit >> 8),
                         static_cast<char>(little ? unit >> 8 : unit & 0xFF)};
    report_invalid(std::string_view(raw, 2), offset);
    out_ += kReplacement;
  };
  for (std::size_t k = 0; k < pairs; ++k) {
    const unsigned a = u[2 * k], b = u[2 * k + 1];
    const std::uint32_t unit = little ? (a | (b << 8)) : ((a << 8) | b);
    const std::uint64_t offset = base + 2 * k;
    if (pending_surrogate_) {
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        append_utf8(out_, 0x10000 + ((pending_surrogate_ - 0xD800) << 10) + (unit - 0xDC00));
        pending_surrogate_ = 0;
        continue;
      }
      replace_unit(pending_surrogate_, pending_surrogate_offset_);
      pending_surrogate_ = 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      pending_surrogate_ = unit;
      pending_surrogate_offset_ = offset;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      replace_unit(unit, offset);
    } else {
      lines_ += unit == '\n';
      append_utf8(out_, unit);
    }
  }
  consumed_ = base + 2 * pairs;
  if (final && pending_surrogate_) {
    replace_unit(pending_surrogate_, pending_surrogate_offset_);
    pending_surrogate_ = 0;
  }
  if (in.size() % 2) {
    if (final) {
      report_invalid(in.substr(in.size() - 1), consumed_);
      out_ += kReplacement;
      consumed_ += 1;
    } else {
      held_.assign(in.substr(in.size() - 1));
    }
  }
  if (!out_.empty()) sink.on_text(out_);
}

}  // namespace orderlens
