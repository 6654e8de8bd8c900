#include "xlsx/xml_scanner.hpp"

#include "util/text.hpp"

#include <cstring>

namespace orderlens::xlsx {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

void decode_xml_entities(std::string_view raw, std::string& out) {
  std::size_t i = 0;
  while (i < raw.size()) {
    const std::size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      return;
    }
    out.append(raw.substr(i, amp - i));
    const std::size_t semi = raw.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out.push_back('&');
      i = amp + 1;
      continue;
    }
    const std::string_view name = raw.substr(amp + 1, semi - amp - 1);
    if (name == "amp") out.push_back('&');
    else if (name == "lt") out.push_back('<');
    else if (name == "gt") out.push_back('>');
    else if (name == "quot") out.push_back('"');
    else if (name == "apos") out.push_back('\'');
    else if (name.size() > 1 && name[0] == '#') {
      std::uint32_t cp = 0;
      bool ok = true;
      const bool hex = name[1] == 'x' || name[1] == 'X';
      for (std::size_t k = hex ? 2 : 1; k < name.size() && ok; ++k) {
        const char c = name[k];
        const int digit = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                   : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        ok = digit >= 0 && cp < 0x110000;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      }
      if (ok && cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000) && name.size() > (hex ? 2u : 1u)) append_utf8(out, cp);
      else out.append(raw.substr(amp, semi - amp + 1));
    } else {
      out.append(raw.substr(amp, semi - amp + 1));
    }
    i = semi + 1;
  }
}

void XmlScanner::push(std::string_view bytes, XmlHandler& handler) {
  if (pending_.empty()) {
    const std::size_t used = scan(bytes, handler, false);
    offset_ += used;
    pending_.assign(bytes.substr(used));
    return;
  }
  // A chunk with neither '<' nor '>' cannot complete the carried token (a tag or comment ends
  // at a '>', text a row scanner holds back at a '<'): keep it without scanning again, or one
  // long token pushed in tiny chunks would be rescanned from its start every time (quadratic).
  if (bytes.find_first_of("<>") == std::string_view::npos) {
    pending_.append(bytes);
    return;
  }
  // Complete the carried token with as little copying as possible: append the chunk up to the
  // end of the token's next '>' (or all of it), scan the carried text, then the rest in place.
  const std::size_t close = bytes.find('>');
  const std::size_t take = close == std::string_view::npos ? bytes.size() : close + 1;
  pending_.append(bytes.substr(0, take));
  std::string carried;
  carried.swap(pending_);
  const std::size_t used = scan(carried, handler, false);
  offset_ += used;
  if (used < carried.size()) {
    pending_.assign(carried, used, std::string::npos);
    if (take < bytes.size()) push(bytes.substr(take), handler);
    return;
  }
  const std::string_view rest = bytes.substr(take);
  const std::size_t used_rest = scan(rest, handler, false);
  offset_ += used_rest;
  pending_.assign(rest.substr(used_rest));
}

void XmlScanner::finish(XmlHandler& handler) {
  std::string carried;
  carried.swap(pending_);
  const std::size_t used = scan(carried, handler, true);
  if (used < carried.size()) throw XmlError("the XML ends inside a tag (at byte " + std::to_string(offset_ + used) + ")");
  offset_ += used;
}

std::size_t special_markup_length(std::string_view rest, std::string_view& cdata) {
  if (rest.starts_with("<!--")) {
    const std::size_t end = rest.find("-->");
    return end == std::string_view::npos ? 0 : end + 3;
  }
  if (rest.starts_with("<![CDATA[")) {
    const std::size_t end = rest.find("]]>");
    if (end == std::string_view::npos) return 0;
    cdata = rest.substr(9, end - 9);
    return end + 3;
  }
  // "<!" alone may be the start of either of the above.
  if (rest.size() < 9 && (std::string_view("<!--").starts_with(rest) || std::string_view("<![CDATA[").starts_with(rest))) return 0;
  const std::size_t end = rest.find('>');
  return end == std::string_view::npos ? 0 : end + 1;
}

std::size_t XmlScanner::scan(std::string_view s, XmlHandler& handler, bool final) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (handler.raw()) {
      i += handler.on_raw(s.substr(i), final);
      if (handler.raw()) return i;
      continue;
    }
    if (s[i] != '<') {
      // Text runs between tags are short in a sheet ("123" in <v>): a plain loop beats memchr.
      std::size_t end = i;
      while (end < s.size() && s[end] != '<') ++end;
      const bool lt = end < s.size();
      // Text may continue in the next chunk: emitting it in pieces is allowed, but an entity
      // must not be cut, so keep back an unfinished '&...' at the end.
      std::size_t upto = end;
      if (!lt && !final) {
        const std::size_t amp = s.rfind('&', end - 1);
        if (amp != std::string_view::npos && amp >= i && s.find(';', amp) == std::string_view::npos) upto = amp;
      }
      if (upto > i) text(s.substr(i, upto - i), handler);
      i = upto;
      if (!lt) return i;
      continue;
    }
    // A markup token starting at i.
    const std::string_view rest = s.substr(i);
    if (rest.size() < 2) return i;
    if (rest[1] == '!' || rest[1] == '?') {
      std::string_view cdata;
      const std::size_t length = special_markup_length(rest, cdata);
      if (length == 0) return i;
      if (!cdata.empty()) handler.on_text(cdata);
      i += length;
    } else {
      // A tag: its end is the first '>' outside quotes.
      char quote = 0;
      std::size_t k = 1;
      for (; k < rest.size(); ++k) {
        const char c = rest[k];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
      }
      if (k >= rest.size()) return i;
      tag(rest.substr(1, k - 1), handler);
      i += k + 1;
    }
  }
  return i;
}

void XmlScanner::text(std::string_view raw, XmlHandler& handler) {
  bool entity = false;
  for (const char c : raw) entity |= c == '&';
  if (!entity) {
    handler.on_text(raw);
    return;
  }
  decoded_.clear();
  decode_xml_entities(raw, decoded_);
  handler.on_text(decoded_);
}

void XmlScanner::tag(std::string_view body, XmlHandler& handler) {
  if (body.empty()) throw XmlError("an empty tag at byte " + std::to_string(offset_));
  if (body[0] == '/') {
    std::string_view name = body.substr(1);
    while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
    handler.on_end(local_name(name));
    return;
  }
  const bool self_closing = body.back() == '/';
  if (self_closing) body.remove_suffix(1);
  std::size_t k = 0;
  while (k < body.size() && !is_space(body[k])) ++k;
  const std::string_view name = local_name(body.substr(0, k));
  attribute_values_.clear();
  const XmlTag tag(name, body.substr(k), attribute_values_);
  handler.on_start(name, tag, self_closing);
  if (self_closing) handler.on_end(name);
}

bool XmlTag::next(std::size_t& k, std::string_view& name, std::string_view& value) const {
  const std::string_view body = text_;
  while (k < body.size() && is_space(body[k])) ++k;
  if (k >= body.size()) return false;
  const std::size_t name_start = k;
  while (k < body.size() && body[k] != '=' && !is_space(body[k])) ++k;
  name = local_name(body.substr(name_start, k - name_start));
  while (k < body.size() && is_space(body[k])) ++k;
  if (k >= body.size() || body[k] != '=') throw XmlError("an attribute without a value in <" + std::string(name_) + ">");
  ++k;
  while (k < body.size() && is_space(body[k])) ++k;
  if (k >= body.size() || (body[k] != '"' && body[k] != '\'')) throw XmlError("an unquoted attribute in <" + std::string(name_) + ">");
  const char quote = body[k++];
  std::size_t end = k;
  bool entity = false;
  while (end < body.size() && body[end] != quote) entity |= body[end++] == '&';
  if (end >= body.size()) throw XmlError("an unterminated attribute in <" + std::string(name_) + ">");
  value = body.substr(k, end - k);
  k = end + 1;
  if (entity) {
    std::string& decoded = decoded_.emplace_back();
    decode_xml_entities(value, decoded);
    value = decoded;
  }
  return true;
}

std::string_view XmlTag::attribute(std::string_view wanted) const {
  std::size_t at = 0;
  std::string_view n, v;
  while (next(at, n, v))
    if (n == wanted) return v;
  return {};
}

}  // namespace orderlens::xlsx
