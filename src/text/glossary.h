// The fixed terms of every output, one word per concept in each language (durations' units are
// in text/duration.h).
//
//   term(Term::utilisation, Lang::sv)     == "beläggningsgrad"
//   term(Term::wait, Lang::fi, true)      == "Odotus"
//   fte_term(Lang::sv)          == "årsverken"
//   fte_amount(0.5, Lang::fi)   == "0,5 htv"
//   fte_amount(1, Lang::sv)     == "1 årsverke"
//   class_term("special", Lang::sv) == "särskilt stöd"
//   qualification_term("social-worker", Lang::fi) == "sosiaalityöntekijä"
//   class_term("kriisi", Lang::sv, process.terms) == "krisklient"   // class_kriisi_sv="krisklient"
#pragma once

#include <string>

#include "model/lang.h"
#include "model/process.h"

namespace sujuva {

// The figures every output names, one word each per language: in a table's header or a
// sentence (lower case), or as a heading (`heading`).
enum class Term { utilisation, wait, lead_time };
std::string term(Term term, Lang lang, bool heading = false);

// Person-years of work (henkilötyövuosi), the unit of staffing: a heading or a label.
const char* fte_term(Lang lang);
// An amount of staff, e.g. a what-if of one more person: "1 htv", "0,5 årsverke", "2 årsverken".
std::string fte_amount(double fte, Lang lang);
// A client class in words: the model's own word for it (`own`, Process::terms) in `lang`, else
// the built-in words for the two classes every model knows ("standard", "special"), else the
// model's Finnish word, else the name as written.
std::string class_term(const std::string& name, Lang lang, const Terms& own = {});
// A qualification in words, by the same rule: built in are the two professions of the pilots
// ("social-worker", "social-counsellor").
std::string qualification_term(const std::string& name, Lang lang, const Terms& own = {});
// What a checkpoint's `requires` names, in words: when it matches one role, that role's label;
// otherwise the qualification (qualification_term).
std::string requirement_term(const Process& process, const std::string& role_or_qualification, Lang lang);

}  // namespace sujuva
