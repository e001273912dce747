#include "model/scenario.h"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cmath>

#include "model/diagnostic.h"

namespace sujuva {

namespace {

const std::vector<std::string> kRoleAttributes{"fte", "absence", "reserved"};
const std::vector<std::string> kStepAttributes{"arrivals", "effort", "delay", "load"};
const std::vector<std::string> kAllAttributes{"fte", "absence", "reserved", "arrivals", "effort", "delay", "load", "p"};

bool is_role_attribute(const std::string& a) {
  return std::find(kRoleAttributes.begin(), kRoleAttributes.end(), a) != kRoleAttributes.end();
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates, Lang lang) {
  return did_you_mean_hint(did_you_mean(word, candidates), lang);
}

enum class Op { set, add, multiply };

struct Value {
  Op op = Op::set;
  std::string text;  // the number or duration without the operator
};

Value split_value(const std::string& value) {
  if (!value.empty() && (value[0] == 'x' || value[0] == '*')) return {Op::multiply, value.substr(1)};
  if (!value.empty() && (value[0] == '+' || value[0] == '-')) return {Op::add, value};
  return {Op::set, value};
}

// A new value for a plain number attribute; "" error on success.
std::string combine(double& target, const Value& v, double low, double high, bool high_open, const std::string& what,
                    Lang lang) {
  auto number = parse_number(v.text, lang);
  if (!number) return what + ": " + number.error;
  double result = v.op == Op::set ? *number.value : v.op == Op::add ? target + *number.value : target * *number.value;
  if (v.op == Op::multiply && *number.value < 0)
    return what + say(lang, ": kerroin ei saa olla negatiivinen", ": faktorn får inte vara negativ",
                      ": the factor must not be negative");
  if (!std::isfinite(result) || result < low || (high_open ? result >= high : result > high)) {
    std::string range = "[" + std::to_string(low).substr(0, 3) + ", " +
                        (std::isinf(high) ? std::string("∞") : std::to_string(high).substr(0, 3)) +
                        (high_open ? ")" : "]");
    return what + say(lang, ": tulos ", ": resultatet ", ": the result ") + std::to_string(result) +
           say(lang, " on välin ", " ligger utanför ", " is outside ") + range + say(lang, " ulkopuolella", "", "");
  }
  target = result;
  return "";
}

std::vector<std::string> role_ids(const Process& p) {
  std::vector<std::string> ids;
  for (const auto& r : p.roles) ids.push_back(r.id);
  return ids;
}

std::vector<std::string> step_ids(const Process& p) {
  std::vector<std::string> ids;
  for (auto v : boost::make_iterator_range(boost::vertices(p.graph))) ids.push_back(p.graph[v].id);
  return ids;
}

std::string apply_to_role(Role& role, const std::string& attribute, const Value& v, const std::string& what,
                          Lang lang) {
  if (attribute == "fte") return combine(role.fte, v, 0, INFINITY, false, what, lang);
  if (attribute == "absence") return combine(role.absence, v, 0, 1, true, what, lang);
  return combine(role.reserved, v, 0, 1, true, what, lang);
}

std::string apply_roles(Process& process, const Override& c, const Value& v, Lang lang) {
  if (c.target.empty() || c.target == "*") {
    for (auto& role : process.roles)
      if (auto e = apply_to_role(role, c.attribute, v, c.text, lang); !e.empty()) return e;
    return "";
  }
  auto r = process.find_role(c.target);
  if (!r) {
    if (process.find_step(c.target))
      return c.text + ": " + quoted(c.target) +
             say(lang, " on vaihe eikä rooli", " är ett steg, inte en roll", " is a step, not a role");
    return c.text + say(lang, ": ei roolia ", ": ingen roll ", ": no role ") + quoted(c.target) +
           suggestion(c.target, role_ids(process), lang);
  }
  return apply_to_role(process.roles[*r], c.attribute, v, c.text, lang);
}

std::string apply_to_step(Process& process, Step& step, const Override& c, const Value& v, Lang lang) {
  const Calendar& cal = process.calendar;
  const std::string step_word = say(lang, ": vaihe ", ": steget ", ": step ");
  if (c.attribute == "arrivals") {
    if (step.kind != StepKind::start)
      return c.text + step_word + quoted(step.id) +
             say(lang, " ei ole alkuvaihe", " är inget startsteg", " is not a start step");
    if (v.op == Op::set) {
      if (parse_number(v.text)) return combine(step.arrivals_per_week, v, 0, INFINITY, false, c.text, lang);
      auto rate = parse_rate_per_week(v.text, cal, lang);
      if (!rate) return c.text + ": " + rate.error;
      step.arrivals_per_week = *rate.value;
      return "";
    }
    return combine(step.arrivals_per_week, v, 0, INFINITY, false, c.text, lang);
  }
  if (c.attribute == "load") {
    if (step.kind != StepKind::activity)
      return c.text + step_word + quoted(step.id) +
             say(lang, " ei ole toiminto", " är ingen aktivitet", " is not an activity");
    if (v.op == Op::set && !parse_number(v.text)) {
      auto load = parse_load_hours_per_week(v.text, cal, lang);
      if (!load) return c.text + ": " + load.error;
      step.load_hours_per_week = *load.value;
      return "";
    }
    return combine(step.load_hours_per_week, v, 0, INFINITY, false, c.text, lang);
  }
  // effort or delay: a duration or distribution, or a factor.
  auto& slot = c.attribute == "effort" ? step.effort : step.delay;
  if (v.op == Op::multiply) {
    auto factor = parse_number(v.text);
    if (!factor || *factor.value < 0)
      return c.text + say(lang, ": odotettiin kerrointa, esimerkiksi x1.5", ": förväntade en faktor, till exempel x1.5",
                          ": expected a factor such as x1.5");
    if (slot) slot = slot->scaled(*factor.value);
    return "";
  }
  if (v.op == Op::add)
    return c.text + say(lang, ": anna " + c.attribute + " kestona (esimerkiksi 2h) tai kertoimena (x1.5)",
                        ": ange " + c.attribute + " som en tidslängd (till exempel 2h) eller en faktor (x1.5)",
                        ": give " + c.attribute + " as a duration (e.g. 2h) or a factor (x1.5)");
  auto spec = parse_distribution(v.text, lang);
  if (!spec) return c.text + ": " + spec.error;
  if (c.attribute == "effort" && spec.value->uses_calendar_units())
    return c.text + say(lang,
                        ": työmäärä on henkilöstön työaikaa: käytä min, h tai wd, ei kalenteripäiviä tai -viikkoja",
                        ": arbetsinsats är personalens arbetstid: använd min, h eller wd, inte kalenderdagar eller "
                        "-veckor",
                        ": effort is staff working time: use min, h or wd, not calendar days or weeks");
  slot = c.attribute == "effort" ? spec.value->in_hours(cal) : spec.value->in_weeks(cal);
  return "";
}

std::string no_step(const Process& process, const Override& c, const std::string& id, Lang lang) {
  return c.text + say(lang, ": ei vaihetta ", ": inget steg ", ": no step ") + quoted(id) +
         suggestion(id, step_ids(process), lang);
}

std::string apply_steps(Process& process, const Override& c, const Value& v, Lang lang) {
  if (c.target.empty() || c.target == "*") {
    if (c.attribute != "arrivals")
      return c.text + say(lang, ": nimeä vaihe, jonka " + c.attribute + " muuttuu (VAIHE." + c.attribute + ")",
                          ": ange steget vars " + c.attribute + " ändras (STEG." + c.attribute + ")",
                          ": name the step whose " + c.attribute + " changes (STEP." + c.attribute + ")");
    for (auto vtx : boost::make_iterator_range(boost::vertices(process.graph)))
      if (process.graph[vtx].kind == StepKind::start)
        if (auto e = apply_to_step(process, process.graph[vtx], c, v, lang); !e.empty()) return e;
    return "";
  }
  auto step = process.find_step(c.target);
  if (!step) {
    if (process.find_role(c.target))
      return c.text + ": " + quoted(c.target) +
             say(lang, " on rooli eikä vaihe", " är en roll, inte ett steg", " is a role, not a step");
    return no_step(process, c, c.target, lang);
  }
  return apply_to_step(process, process.graph[*step], c, v, lang);
}

std::string apply_route(Process& process, const Override& c, const Value& v, Lang lang) {
  auto arrow = c.target.find("->");
  if (arrow == std::string::npos)
    return c.text + say(lang, ": p kuuluu reitille: kirjoita MISTÄ->MIHIN.p=0.4",
                        ": p hör till en rutt: skriv FRÅN->TILL.p=0.4", ": p belongs to a route: write FROM->TO.p=0.4");
  std::string from_id = c.target.substr(0, arrow), to_id = c.target.substr(arrow + 2);
  auto from = process.find_step(from_id), to = process.find_step(to_id);
  if (!from) return no_step(process, c, from_id, lang);
  if (!to) return no_step(process, c, to_id, lang);
  auto& g = process.graph;
  bool found = false;
  for (auto e : boost::make_iterator_range(boost::out_edges(*from, g))) {
    if (boost::target(e, g) != *to) continue;
    found = true;
    Route& route = g[e];
    double current = route.p.value_or(0);
    if (!route.p && v.op != Op::set) {
      for (const Branch& b : branches(process, *from, process.find_class(route.when).value_or(kStandardClass)))
        if (b.route == e) current = b.probability;
    }
    double updated = current;
    if (auto error = combine(updated, v, 0, 1, false, c.text, lang); !error.empty()) return error;
    // The other explicit routes with the same `when` keep their proportions and
    // take up the difference, so that the probabilities still sum to one.
    double others = 0;
    bool implicit_other = false;
    for (auto o : boost::make_iterator_range(boost::out_edges(*from, g))) {
      if (o == e || g[o].when != route.when) continue;
      if (g[o].p)
        others += *g[o].p;
      else
        implicit_other = true;
    }
    if (!implicit_other && others > 0) {
      for (auto o : boost::make_iterator_range(boost::out_edges(*from, g)))
        if (o != e && g[o].when == route.when && g[o].p) g[o].p = *g[o].p * (1 - updated) / others;
    } else if (others + updated > 1 + 1e-9) {
      return c.text + say(lang, ": vaiheesta ", ": rutterna från ", ": the routes from ") + quoted(from_id) +
             say(lang, " lähtevien reittien summa olisi yli 1", " skulle summera till mer än 1",
                 " would sum to more than 1");
    }
    route.p = updated;
  }
  if (!found)
    return c.text + say(lang, ": ei reittiä ", ": ingen rutt från ", ": no route from ") + quoted(from_id) +
           say(lang, " -> ", " till ", " to ") + quoted(to_id);
  return "";
}

std::string expected_form(Lang lang) {
  return say(lang, ": odotettiin KOHDE.MÄÄRITE=ARVO, esimerkiksi sw.fte=4",
             ": förväntade MÅL.ATTRIBUT=VÄRDE, till exempel sw.fte=4",
             ": expected TARGET.ATTRIBUTE=VALUE, e.g. sw.fte=4");
}

}  // namespace

Parsed<Override> make_override(std::string_view target_and_attribute, std::string_view value, Lang lang) {
  Override o;
  std::string left(detail::trim(target_and_attribute));
  o.value = std::string(detail::trim(value));
  o.text = left + "=" + o.value;
  auto dot = left.rfind('.');
  if (dot == std::string::npos) {
    o.attribute = left;
  } else {
    o.target = left.substr(0, dot);
    o.attribute = left.substr(dot + 1);
  }
  if (o.attribute.empty() || o.value.empty()) return {std::nullopt, quoted(o.text) + expected_form(lang)};
  if (std::find(kAllAttributes.begin(), kAllAttributes.end(), o.attribute) == kAllAttributes.end())
    return {std::nullopt, o.text + say(lang, ": tuntematon määrite ", ": okänt attribut ", ": unknown attribute ") +
                              quoted(o.attribute) + suggestion(o.attribute, kAllAttributes, lang) +
                              say(lang, "; käytä fte, absence, reserved, arrivals, effort, delay, load tai p",
                                  "; använd fte, absence, reserved, arrivals, effort, delay, load eller p",
                                  "; use fte, absence, reserved, arrivals, effort, delay, load or p")};
  return {o, ""};
}

Parsed<Override> parse_override(std::string_view text, Lang lang) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos) return {std::nullopt, quoted(std::string(text)) + expected_form(lang)};
  return make_override(text.substr(0, eq), text.substr(eq + 1), lang);
}

std::string apply_override(Process& process, const Override& change, Lang lang) {
  Process trial = process;  // all-or-nothing: a failing "*" change leaves nothing half done
  Value v = split_value(change.value);
  std::string error;
  if (is_role_attribute(change.attribute))
    error = apply_roles(trial, change, v, lang);
  else if (change.attribute == "p")
    error = apply_route(trial, change, v, lang);
  else
    error = apply_steps(trial, change, v, lang);
  if (error.empty()) process = std::move(trial);
  return error;
}

std::string check_override(const Process& process, const Override& change, Lang lang) {
  Process copy = process;
  return apply_override(copy, change, lang);
}

void scale_arrivals(Process& process, double factor) {
  for (auto v : boost::make_iterator_range(boost::vertices(process.graph)))
    if (process.graph[v].kind == StepKind::start) process.graph[v].arrivals_per_week *= factor;
}

}  // namespace sujuva
