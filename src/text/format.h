// Language codes, numbers for people (decimal comma in Finnish and Swedish) and escaping.
//
//   format_decimal(3.14159, 1, Lang::fi) == "3,1"
//   format_percent(0.974, Lang::sv)      == "97 %"
//   escape_html("<b>") == "&lt;b&gt;"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/lang.h"
#include "model/process.h"

namespace sujuva {

std::optional<Lang> parse_lang(std::string_view code);  // "fi", "sv", "en"
const char* lang_code(Lang lang);

// Fixed decimals, decimal comma for fi/sv, a thin space grouping thousands in
// fi/sv (a comma in en) only from 10 000 up; "-" for a non-finite value.
std::string format_decimal(double value, int decimals, Lang lang);
// 0.974 -> "97 %" (fi, sv) or "97%" (en); decimals after the point are optional.
std::string format_percent(double share, Lang lang, int decimals = 0);

// Escaping for every place user text lands.
std::string escape_html(std::string_view text);                 // also right for SVG/XML text and attributes
std::string escape_dot(std::string_view text);                  // inside a double-quoted DOT string
std::string escape_csv(std::string_view text, char separator);  // quotes the field when needed
void append_csv(std::string& out, std::string_view text, char separator);  // escape_csv, appended to `out`

}  // namespace sujuva
