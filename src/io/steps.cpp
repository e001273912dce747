// The steps: one per node, with its kind, role, work, arrivals, checkpoint settings and drawing.
#include <algorithm>

#include "io/graphviz_attributes.h"
#include "io/reader.h"
#include "model/units.h"

namespace sujuva::io::detail {

namespace {

const std::vector<std::pair<std::string, StepKind>> kKinds = {
    {"start", StepKind::start},       {"task", StepKind::task},         {"checkpoint", StepKind::checkpoint},
    {"decision", StepKind::decision}, {"activity", StepKind::activity}, {"end", StepKind::end}};

// One node's attributes being read into its step; messages name the node and its line.
struct StepReading {
  Step& step;
  const Attributes& values;
  const Process& process;
  Messages& messages;
  std::string where;

  void error(const char* rule, const std::string& message) { messages.error(rule, step.line, where + message); }
  void warning(const char* rule, const std::string& message) { messages.warning(rule, step.line, where + message); }
  std::string say(std::string fi, std::string sv, std::string en) const {
    return messages.say(std::move(fi), std::move(sv), std::move(en));
  }
};

void read_kind(StepReading& r) {
  if (!r.values.count("kind")) return;
  const std::string kind = r.values.value("kind");
  auto it = std::find_if(kKinds.begin(), kKinds.end(), [&](auto& k) { return k.first == kind; });
  if (it != kKinds.end()) {
    r.step.kind = it->second;
    return;
  }
  std::vector<std::string> names;
  for (auto& k : kKinds) names.push_back(k.first);
  r.error("unknown-kind", r.say(": tuntematon tyyppi kind=\"", ": okänd typ kind=\"", ": unknown kind \"") + kind +
                              "\"" + r.messages.hint(did_you_mean(kind, names)) +
                              r.say("; käytä start, task, checkpoint, decision, activity tai end",
                                    "; använd start, task, checkpoint, decision, activity eller end",
                                    "; use start, task, checkpoint, decision, activity or end"));
}

// `role=` names the role; without it the step belongs to its cluster's role, if any.
void read_role(StepReading& r, RoleIndex cluster_role) {
  if (!r.values.count("role")) {
    if (cluster_role >= 0) r.step.role = cluster_role;
    return;
  }
  const std::string role = r.values.value("role");
  if (auto index = r.process.find_role(role)) {
    r.step.role = *index;
    return;
  }
  std::vector<std::string> ids;
  for (auto& known : r.process.roles) ids.push_back(known.id);
  r.error("unknown-role", r.say(": tuntematon rooli \"", ": okänd roll \"", ": unknown role \"") + role + "\"" +
                              r.messages.hint(did_you_mean(role, ids)));
}

// Why a distribution's parameters cannot hold, as told after the quoted text; "" when they can.
std::string parameter_problem(const Distribution& d, const StepReading& r) {
  if (d.kind == DistributionKind::triangular && !(d.a <= d.b && d.b <= d.c))
    return ": tri(min, mode, max)" +
           r.say(" edellyttää min <= mode <= max", " kräver min <= mode <= max", " needs min <= mode <= max");
  if (d.kind == DistributionKind::uniform && !(d.a <= d.b))
    return ": uniform(min, max)" + r.say(" edellyttää min <= max", " kräver min <= max", " needs min <= max");
  if ((d.kind == DistributionKind::exponential || d.kind == DistributionKind::lognormal) && d.a <= 0)
    return r.say(": keskiarvon pitää olla suurempi kuin 0", ": medelvärdet ska vara större än 0",
                 " needs a mean greater than 0");
  return "";
}

// `effort` (staff working time, in hours) or `delay` (calendar time, in weeks).
std::optional<Distribution> read_distribution(StepReading& r, const char* name, bool is_effort) {
  if (!r.values.count(name)) return std::nullopt;
  const std::string text = r.values.value(name);
  auto spec = parse_distribution(text, r.messages.lang());
  if (!spec) {
    r.error("distribution", std::string(": ") + name + " " + spec.error);
    return std::nullopt;
  }
  if (is_effort && spec.value->uses_calendar_units()) {
    r.error("distribution",
            ": effort \"" + text +
                r.say("\" on kalenteriaikaa (d tai w); työmäärä on henkilöstön työaikaa: käytä min, h tai wd",
                      "\" är kalendertid (d eller w); arbetsinsats är personalens arbetstid: använd min, h eller wd",
                      "\" uses calendar time (d or w); effort is staff working time: use min, h or wd"));
    return std::nullopt;
  }
  const Calendar& calendar = r.process.calendar;
  Distribution d = is_effort ? spec.value->in_hours(calendar) : spec.value->in_weeks(calendar);
  if (std::string problem = parameter_problem(d, r); !problem.empty()) {
    r.error("distribution", std::string(": ") + name + " \"" + text + "\"" + problem);
    return std::nullopt;
  }
  return d;
}

// `arrivals` (clients per week, on starts) and `load` (hours per week, on activities).
void read_rates(StepReading& r) {
  const Calendar& calendar = r.process.calendar;
  const Lang lang = r.messages.lang();
  if (r.values.count("arrivals")) {
    auto rate = parse_rate_per_week(r.values.value("arrivals"), calendar, lang);
    if (!rate)
      r.error("rate", ": arrivals " + rate.error);
    else
      r.step.arrivals_per_week = *rate.value;
    if (r.step.kind != StepKind::start)
      r.warning("misplaced-attribute",
                r.say(": arrivals otetaan huomioon vain alkuvaiheissa (kind=start)",
                      ": arrivals räknas bara på startsteg (kind=start)", ": arrivals only count on kind=start steps"));
  }
  if (r.values.count("load")) {
    auto load = parse_load_hours_per_week(r.values.value("load"), calendar, lang);
    if (!load)
      r.error("rate", ": load " + load.error);
    else
      r.step.load_hours_per_week = *load.value;
    if (r.step.kind != StepKind::activity)
      r.warning("misplaced-attribute", r.say(": load otetaan huomioon vain toiminnoissa (kind=activity)",
                                             ": load räknas bara på aktiviteter (kind=activity)",
                                             ": load only counts on kind=activity steps"));
  }
}

// `assesses`, `requires` and `mandatory`, which only checkpoints use.
void read_checkpoint_settings(StepReading& r) {
  r.step.assesses = r.values.value("assesses");
  r.step.required_role = r.values.value("requires");
  r.step.basis = Labels{r.values.value("basis"), r.values.value("basis_sv"), r.values.value("basis_en")};
  if (r.values.count("mandatory")) {
    const std::string m = r.values.value("mandatory");
    if (m == "true" || m == "yes" || m == "1")
      r.step.mandatory = true;
    else if (m != "false" && m != "no" && m != "0")
      r.error("boolean",
              r.say(": mandatory pitää olla true tai false, ei \"", ": mandatory ska vara true eller false, inte \"",
                    ": mandatory must be true or false, not \"") +
                  m + "\"");
  }
}

// `deadline` (a duration) and `priority` (a whole number).
void read_deadline_and_priority(StepReading& r) {
  r.step.deadline_basis = Labels{r.values.value("deadline_basis"), r.values.value("deadline_basis_sv"),
                                 r.values.value("deadline_basis_en")};
  const Lang lang = r.messages.lang();
  if (r.values.count("deadline")) {
    auto d = parse_duration(r.values.value("deadline"), lang);
    if (!d)
      r.error("duration", ": deadline " + d.error);
    else
      r.step.deadline_weeks = r.process.calendar.to_weeks(*d.value);
  }
  if (r.values.count("priority")) {
    auto p = parse_number(r.values.value("priority"), lang);
    if (!p || *p.value != static_cast<int>(*p.value))
      r.error("number", r.say(": priority pitää olla kokonaisluku", ": priority ska vara ett heltal",
                              ": priority must be a whole number"));
    else
      r.step.priority = static_cast<int>(*p.value);
  }
}

// Settings that the step's kind does not use, and attributes nobody knows.
void warn_misplaced_and_unknown(StepReading& r) {
  if (r.step.kind != StepKind::checkpoint)
    for (const char* name : {"assesses", "mandatory", "requires", "basis", "basis_sv", "basis_en"})
      if (r.values.count(name))
        r.warning("misplaced-attribute", std::string(": ") + name +
                                             r.say(" koskee vain tarkistuspisteitä (kind=checkpoint)",
                                                   " gäller bara kontrollpunkter (kind=checkpoint)",
                                                   " only applies to kind=checkpoint steps"));
  if (!r.step.does_work() && r.step.effort)
    r.warning("misplaced-attribute", r.say(": effort jätetään huomiotta, koska vaiheen tyyppi on ",
                                           ": effort ignoreras eftersom stegets typ är ", ": effort on a ") +
                                         to_string(r.step.kind) + r.say("", "", " step is ignored"));
  r.messages.warn_unknown(r.values, kStepAttributes, r.step.line, r.where);
}

void read_step_attributes(StepReading& r, RoleIndex cluster_role) {
  read_kind(r);
  r.step.label = Labels{r.values.count("label") && r.values.value("label") != "\\N" ? r.values.value("label") : "",
                        r.values.value("label_sv"), r.values.value("label_en")};
  read_role(r, cluster_role);
  r.step.effort = read_distribution(r, "effort", true);
  r.step.delay = read_distribution(r, "delay", false);
  read_rates(r);
  read_checkpoint_settings(r);
  read_deadline_and_priority(r);
  warn_misplaced_and_unknown(r);
  // Graphviz's own attributes are kept to draw the step as the user did.
  for (const auto& [name, value] : r.values)
    if (!is_one_of(name, kStepAttributes) && is_graphviz_attribute(name)) r.step.drawing.emplace_back(name, value);
}

}  // namespace

// Vertices are numbered in cgraph's node order, which is also its sequence order.
void Reader::read_steps(Agraph_t* g) {
  AttributeSymbols symbols(g, AGNODE);
  Attributes values;
  StepVertex v = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n), ++v) {
    Step& step = process_.graph[v];
    step.id = agnameof(n);
    auto [line, ordinal] = lines_.node_line_and_ordinal(step.id, static_cast<int>(v));
    step.line = line;
    ordinal_of_[AGSEQ(n)] = ordinal;
    symbols.read(n, values);
    StepReading reading{step, values, process_, messages_, messages_.node_where(step.id)};
    read_step_attributes(reading, role_of_node_[AGSEQ(n)]);
    if (!step.assesses.empty() && !process_.find_class(step.assesses)) process_.classes.push_back(step.assesses);
  }
}

}  // namespace sujuva::io::detail
