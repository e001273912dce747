#include "text/glossary.h"

#include <cctype>
#include <cmath>

#include "model/label_text.h"
#include "text/format.h"

namespace sujuva {

std::string term(Term t, Lang lang, bool heading) {
  std::string word;
  switch (t) {
    case Term::utilisation: word = say(lang, "käyttöaste", "beläggningsgrad", "utilisation"); break;
    case Term::wait: word = say(lang, "odotus", "väntetid", "wait"); break;
    case Term::lead_time: word = say(lang, "läpimenoaika", "genomloppstid", "lead time"); break;
  }
  if (heading) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));  // all begin in ASCII
  return word;
}

const char* fte_term(Lang lang) { return say(lang, "htv", "årsverken", "FTE"); }

std::string fte_amount(double fte, Lang lang) {
  const bool whole = std::fabs(fte - std::round(fte)) < 1e-9;
  const std::string number = format_decimal(fte, whole ? 0 : 1, lang);
  // Swedish counts "1 årsverke", "0,5 årsverke", "2 årsverken".
  const char* sv = fte <= 1 + 1e-9 ? "årsverke" : "årsverken";
  return number + " " + say(lang, "htv", sv, "FTE");
}

namespace {

// The model's word in `lang` first, then the built-in one, then the model's Finnish word, then
// the name as written: a model that labels only in Finnish keeps the built-in Swedish.
std::string own_or(const std::map<std::string, Labels>& own, const std::string& name, Lang lang, const char* built_in) {
  auto it = own.find(name);
  if (it != own.end()) {
    const Labels& l = it->second;
    const std::string& in_lang = lang == Lang::sv ? l.sv : lang == Lang::en ? l.en : l.fi;
    if (!in_lang.empty()) return one_line(in_lang);
  }
  if (built_in) return built_in;
  if (it != own.end() && !it->second.fi.empty()) return one_line(it->second.fi);
  return name;
}

}  // namespace

std::string class_term(const std::string& name, Lang lang, const Terms& own) {
  const char* built_in = name == "special"    ? say(lang, "erityinen tuki", "särskilt stöd", "special support")
                         : name == "standard" ? say(lang, "tavallinen", "vanlig", "standard")
                                              : nullptr;
  return own_or(own.classes, name, lang, built_in);
}

std::string qualification_term(const std::string& name, Lang lang, const Terms& own) {
  const char* built_in = name == "social-worker" ? say(lang, "sosiaalityöntekijä", "socialarbetare", "social worker")
                         : name == "social-counsellor" ? say(lang, "sosionomi", "socionom", "social counsellor")
                                                       : nullptr;
  return own_or(own.qualifications, name, lang, built_in);
}

std::string requirement_term(const Process& process, const std::string& role_or_qualification, Lang lang) {
  auto roles = process.roles_matching(role_or_qualification);
  if (roles.size() == 1) {
    const Role& role = process.roles[roles[0]];
    return one_line(role.label.in(lang, role.id));
  }
  return qualification_term(role_or_qualification, lang, process.terms);
}

}  // namespace sujuva
