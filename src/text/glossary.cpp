#include "text/glossary.h"

#include <cmath>

#include "text/format.h"

namespace sujuva {

const char* fte_term(Lang lang) { return say(lang, "htv", "årsverken", "FTE"); }

std::string fte_amount(double fte, Lang lang) {
  const bool whole = std::fabs(fte - std::round(fte)) < 1e-9;
  const std::string number = format_decimal(fte, whole ? 0 : 1, lang);
  // Swedish counts "1 årsverke", "0,5 årsverke", "2 årsverken".
  const char* sv = fte <= 1 + 1e-9 ? "årsverke" : "årsverken";
  return number + " " + say(lang, "htv", sv, "FTE");
}

std::string class_term(const std::string& name, Lang lang) {
  if (name == "special") return say(lang, "erityinen tuki", "särskilt stöd", "special support");
  if (name == "standard") return say(lang, "tavallinen", "vanlig", "standard");
  return name;
}

}  // namespace sujuva
