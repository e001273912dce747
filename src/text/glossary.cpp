#include "text/glossary.h"

#include <cmath>

#include "model/label_text.h"
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

std::string qualification_term(const std::string& name, Lang lang) {
  if (name == "social-worker") return say(lang, "sosiaalityöntekijä", "socialarbetare", "social worker");
  if (name == "social-counsellor") return say(lang, "sosionomi", "socionom", "social counsellor");
  return name;
}

std::string requirement_term(const Process& process, const std::string& role_or_qualification, Lang lang) {
  auto roles = process.roles_matching(role_or_qualification);
  if (roles.size() == 1) {
    const Role& role = process.roles[roles[0]];
    return one_line(role.label.in(lang, role.id));
  }
  return qualification_term(role_or_qualification, lang);
}

}  // namespace sujuva
