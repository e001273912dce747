#include "text/format.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace sujuva {

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "fi") return Lang::fi;
  if (code == "sv") return Lang::sv;
  if (code == "en") return Lang::en;
  return std::nullopt;
}

const char* lang_code(Lang lang) { return say(lang, "fi", "sv", "en"); }

std::string format_decimal(double value, int decimals, Lang lang) {
  if (!std::isfinite(value)) return "-";
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text == "-" + fmt::format("{:.{}f}", 0.0, decimals)) text.erase(0, 1);  // no "-0,0"
  auto point = text.find('.');
  std::string integer = text.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  bool negative = !integer.empty() && integer[0] == '-';
  if (negative) integer.erase(0, 1);
  if (integer.size() > 4) {
    const std::string group = lang == Lang::en ? "," : "\u202F";  // narrow no-break space
    std::string grouped;
    for (size_t i = 0; i < integer.size(); ++i) {
      if (i > 0 && (integer.size() - i) % 3 == 0) grouped += group;
      grouped += integer[i];
    }
    integer = grouped;
  }
  std::string result = (negative ? "-" : "") + integer;
  if (!fraction.empty()) result += (lang == Lang::en ? "." : ",") + fraction;
  return result;
}

std::string format_percent(double share, Lang lang, int decimals) {
  if (!std::isfinite(share)) return "-";
  return format_decimal(share * 100, decimals, lang) + (lang == Lang::en ? "%" : "\u00A0%");
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_dot(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

namespace {

// "-0,00648505", "+3", "-1.5e-07": a number a spreadsheet reads as one, with a sign in front.
bool is_plain_number(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    return i > start;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  if (!digits()) return false;
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

}  // namespace

void append_csv(std::string& out, std::string_view text, char separator) {
  bool quote = text.find_first_of(std::string_view("\"\n\r")) != std::string_view::npos ||
               text.find(separator) != std::string_view::npos;
  // A leading = + - @ would be a formula in a spreadsheet: quote and prefix it, unless it is a
  // signed number, which must stay a number.
  bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@') &&
                 !is_plain_number(text);
  if (!quote && !formula) {
    out += text;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string escape_csv(std::string_view text, char separator) {
  std::string out;
  append_csv(out, text, separator);
  return out;
}

}  // namespace sujuva
