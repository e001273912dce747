// The words of the diff diagram's marks: each changed field in the drawing's language and units.
#include "render/diff_words.h"

#include <cmath>

#include "model/label_text.h"
#include "render/diagram_internal.h"
#include "text/duration.h"
#include "text/glossary.h"

namespace sujuva::diagram {

namespace {

constexpr const char* kNone = "–";

const char* kind_word(const std::string& kind, Lang lang) {
  if (kind == "start") return say(lang, "alku", "start", "start");
  if (kind == "task") return say(lang, "työvaihe", "arbetsmoment", "task");
  if (kind == "checkpoint") return say(lang, "tarkistuspiste", "kontrollpunkt", "checkpoint");
  if (kind == "decision") return say(lang, "ohjautuminen", "vägval", "routing");
  if (kind == "activity") return say(lang, "muu työ", "annat arbete", "other work");
  if (kind == "end") return say(lang, "loppu", "slut", "end");
  return kNone;
}

// A role by its label in the drawing's language, from whichever model has it; a qualification
// (what `requires` may name instead of a role) as written.
std::string role_words(const std::string& id, const Process& before, const Process& after, Lang lang) {
  if (id.empty()) return kNone;
  for (const Process* p : {&after, &before})
    if (auto r = p->find_role(id)) return one_line(p->roles[*r].label.in(lang, id));
  return id;
}

std::string class_words(const std::string& name, const Process& p, Lang lang) {
  return name.empty() ? kNone : class_term(name, lang, p.terms);
}

std::string arrow(const std::string& heading, const std::string& before, const std::string& after) {
  return heading + " " + before + " → " + after;
}

// Staffing in people to two decimals, as the lane title writes it ("4", "4,25").
std::string fte_number(double fte, Lang lang) {
  return format_decimal(fte, std::fabs(fte - std::round(fte)) < 1e-9 ? 0 : 2, lang);
}

// A duration in weeks on both sides, "–" where there is none.
std::string weeks_text(const std::optional<double>& weeks, double working_days_per_week, Lang lang) {
  return weeks ? format_duration(*weeks, working_days_per_week, lang, DurationStyle::unit) : kNone;
}

std::string hours_text(const std::optional<double>& hours, Lang lang) {
  return hours ? format_hours(*hours, lang) : kNone;
}

// The same mean with another spread: the numbers would read "1 h → 1 h".
bool same_mean(const FieldChange& f) {
  return f.before_value && f.after_value && std::fabs(*f.before_value - *f.after_value) < 1e-9;
}

std::string line(const FieldChange& f, const Process& before, const Process& after, Lang lang, const std::string& was) {
  const double wd = after.calendar.working_days_per_week();
  const char* per_week = Words{lang}.per_week();
  const std::string& n = f.field;
  if (n == "id") return "";
  if (n == "label") return std::string(say(lang, "ennen: ", "tidigare: ", "was: ")) + (was.empty() ? f.before : was);
  if (n == "kind")
    return arrow(say(lang, "tyyppi", "typ", "kind"), kind_word(f.before, lang), kind_word(f.after, lang));
  if (n == "role")
    return arrow(say(lang, "tekijä", "utförare", "done by"), role_words(f.before, before, after, lang),
                 role_words(f.after, before, after, lang));
  if (n == "effort") {
    if (same_mean(f))
      return say(lang, "työmäärän vaihtelu muuttui", "arbetstidens variation ändrades", "effort varies differently");
    return arrow(say(lang, "työmäärä", "arbetstid", "effort"), hours_text(f.before_value, lang),
                 hours_text(f.after_value, lang));
  }
  if (n == "delay") {
    if (same_mean(f))
      return say(lang, "viiveen vaihtelu muuttui", "fördröjningens variation ändrades", "delay varies differently");
    return arrow(Words{lang}.delay(), weeks_text(f.before_value, wd, lang), weeks_text(f.after_value, wd, lang));
  }
  if (n == "deadline_weeks")
    return arrow(Words{lang}.deadline(), weeks_text(f.before_value, wd, lang), weeks_text(f.after_value, wd, lang));
  if (n == "arrivals_per_week")
    return arrow(say(lang, "uusia asiakkaita", "nya klienter", "new clients"),
                 format_rate(f.before_value.value_or(0), lang),
                 format_rate(f.after_value.value_or(0), lang) + per_week);
  if (n == "load_hours_per_week" || n == "activity_hours_per_week")
    return arrow(n == "load_hours_per_week" ? say(lang, "kuormitus", "belastning", "load")
                                            : say(lang, "muu työ", "annat arbete", "other work"),
                 hours_text(f.before_value.value_or(0), lang), hours_text(f.after_value.value_or(0), lang) + per_week);
  if (n == "assesses")
    return arrow(say(lang, "arvioi", "bedömer", "assesses"), class_words(f.before, before, lang),
                 class_words(f.after, after, lang));
  if (n == "mandatory")
    return f.after == "true" ? say(lang, "nyt pakollinen", "nu obligatorisk", "now mandatory")
                             : say(lang, "ei enää pakollinen", "inte längre obligatorisk", "no longer mandatory");
  if (n == "requires")
    return arrow(say(lang, "vaatii", "kräver", "requires"), role_words(f.before, before, after, lang),
                 role_words(f.after, before, after, lang));
  if (n == "priority") return arrow(say(lang, "etusija", "prioritet", "priority"), f.before, f.after);
  if (n == "p")
    return arrow("p", format_percent(f.before_value.value_or(0), lang),
                 format_percent(f.after_value.value_or(0), lang));
  if (n == "outcome")
    return arrow(say(lang, "arvion tulos", "bedömningens utfall", "outcome"), class_words(f.before, before, lang),
                 class_words(f.after, after, lang));
  if (n == "fte")
    return arrow(fte_term(lang), fte_number(f.before_value.value_or(0), lang),
                 fte_number(f.after_value.value_or(0), lang));
  if (n == "absence" || n == "reserved")
    return arrow(n == "absence"
                     ? say(lang, "poissaolot", "frånvaro", "absence")
                     : say(lang, "varattu muuhun työhön", "reserverat för annat arbete", "reserved for other work"),
                 format_percent(f.before_value.value_or(0), lang), format_percent(f.after_value.value_or(0), lang));
  if (n == "qualification")
    return arrow(say(lang, "pätevyys", "behörighet", "qualification"), f.before.empty() ? kNone : f.before,
                 f.after.empty() ? kNone : f.after);
  // A field this drawing has no words for yet is still shown, by its name.
  return arrow(n, f.before.empty() ? kNone : f.before, f.after.empty() ? kNone : f.after);
}

}  // namespace

std::vector<std::string> change_lines(const std::vector<FieldChange>& fields, const Process& before,
                                      const Process& after, Lang lang, const std::string& was) {
  std::vector<std::string> lines;
  for (const auto& f : fields)
    if (auto text = line(f, before, after, lang, was); !text.empty()) lines.push_back(std::move(text));
  return lines;
}

// Participles that fit a step, a route and a role alike (Swedish in the neuter, as a diff's key says it).
const char* added_word(Lang lang) { return say(lang, "lisätty", "tillagt", "added"); }
const char* removed_word(Lang lang) { return say(lang, "poistettu", "borttaget", "removed"); }
const char* changed_word(Lang lang) { return say(lang, "muuttunut", "ändrat", "changed"); }

}  // namespace sujuva::diagram
