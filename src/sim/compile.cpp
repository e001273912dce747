// Compiles a Process into the simulator's flat tables and refuses what cannot be simulated.
#include <fmt/format.h>

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <deque>

#include "sim/compiled_model.h"

namespace sujuva::sim {

namespace {

constexpr double kMaxServersPerRole = 100'000;

std::string step_name(const Process& process, StepVertex v, Lang lang) {
  return say(lang, "vaihe \"", "steget \"", "step \"") + process.graph[v].id + "\"";
}

[[noreturn]] void refuse(const Process& process, int line, const std::string& message, Lang lang) {
  Diagnostic d{Severity::error, process.file, line, message, {}};
  throw SimulationError(d.format(lang));
}

void compile_roles(const Process& process, const SimulationOptions& options, CompiledModel& model) {
  const double hours = process.calendar.hours_per_fte;
  const std::vector<double> activity = activity_hours(process);
  for (size_t i = 0; i < process.roles.size(); ++i) {
    const Role& role = process.roles[i];
    CompiledRole& r = model.roles.emplace_back();
    r.id = role.id;
    r.capacity_hours = role.capacity_hours(process.calendar);
    r.load_hours = activity[i];
    r.absence = role.absence;
    r.servers = role.flow_capacity_hours(process.calendar, r.load_hours) / hours;
    if (r.servers > kMaxServersPerRole)
      refuse(process, process.roles[i].line,
             fmt::format(fmt::runtime(say(options.lang,
                                          "roolissa \"{}\" on {:.0f} tehollista kokoaikaista työntekijää; simulointi "
                                          "käsittelee enintään {:.0f} roolia kohden",
                                          "rollen \"{}\" har {:.0f} effektiva heltidsanställda; simuleringen klarar "
                                          "högst {:.0f} per roll",
                                          "role \"{}\" has {:.0f} effective full-time staff; the simulation handles at "
                                          "most {:.0f} per role")),
                         r.id, r.servers, kMaxServersPerRole),
             options.lang);
    // With random absence a server works at full capacity while present and is absent a
    // share `absence` of the time: present capacity c / (1 − absence) averages back to c.
    double present =
        options.absence_model == AbsenceModel::random && r.absence < 1 ? r.servers / (1 - r.absence) : r.servers;
    r.speeds = server_speeds(present);
  }
}

void compile_steps(const Process& process, CompiledModel& model) {
  const auto& g = process.graph;
  const double hours = process.calendar.hours_per_fte;
  std::vector<std::vector<int>> priorities(model.roles.size());
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Step& s = g[v];
    CompiledStep c;
    c.kind = s.kind;
    c.role = s.role ? *s.role : -1;
    c.works = s.does_work() && s.role && s.effort && s.effort->mean() > 0;
    if (c.works) {
      c.effort = Sampler(s.effort->scaled(1.0 / hours));
      model.roles[c.role].has_work = true;
      priorities[c.role].push_back(s.priority);
    }
    c.has_delay = s.delay && s.delay->mean() > 0;
    if (c.has_delay) c.delay = Sampler(*s.delay);
    if (s.deadline_weeks) {
      c.deadline = static_cast<int>(model.deadlines.size());
      model.deadlines.push_back({static_cast<int>(v), *s.deadline_weeks});
    }
    if (s.kind == StepKind::start) {
      const double rate = s.arrivals_per_week;
      model.starts.push_back({static_cast<int>(v), rate, rate > 0 ? 1 / rate : 0});
    }
    model.step_ids.push_back(s.id);
    model.steps.push_back(c);
  }
  // Priority levels: the distinct priorities of a role's steps, highest first.
  for (size_t r = 0; r < priorities.size(); ++r) {
    auto& p = priorities[r];
    std::sort(p.begin(), p.end(), std::greater<>());
    p.erase(std::unique(p.begin(), p.end()), p.end());
    model.roles[r].levels = std::max<int>(1, static_cast<int>(p.size()));
  }
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    CompiledStep& c = model.steps[v];
    if (!c.works) continue;
    const auto& p = priorities[c.role];
    c.level = static_cast<int>(std::find(p.begin(), p.end(), g[v].priority) - p.begin());
  }
}

void compile_routes(const Process& process, CompiledModel& model) {
  const int classes = model.classes;
  model.route_begin.push_back(0);
  for (auto v : boost::make_iterator_range(boost::vertices(process.graph))) {
    for (int k = 0; k < classes; ++k) {
      if (process.graph[v].kind != StepKind::end) {
        auto found = branches(process, v, k);
        double total = 0;
        for (const auto& b : found) total += std::max(0.0, b.probability);
        double cumulative = 0;
        for (const auto& b : found) {
          if (!(b.probability > 0) || total <= 0) continue;
          cumulative += b.probability / total;
          model.route_cumulative.push_back(cumulative);
          model.route_to.push_back(static_cast<std::int32_t>(b.to));
          model.route_class.push_back(b.next_class);
        }
        if (!model.route_cumulative.empty() && model.route_begin.back() < model.route_cumulative.size())
          model.route_cumulative.back() = 1.0;  // rounding must never let a draw fall off the end
      }
      model.route_begin.push_back(static_cast<std::uint32_t>(model.route_cumulative.size()));
    }
  }
}

// Every (step, class) a client can reach must have a way on, staff to do its work,
// and a path to an end; otherwise clients would pile up or loop for ever.
void check_reachable_states(const Process& process, const CompiledModel& model, bool staffed_now, Lang lang) {
  const int classes = model.classes;
  const size_t states = model.steps.size() * classes;
  std::vector<char> reached(states, 0);
  std::deque<size_t> todo;
  for (const CompiledStart& start : model.starts) {  // with or without arrivals now: a timeline may start them
    size_t s = size_t(start.step) * classes;
    if (!reached[s]) reached[s] = 1, todo.push_back(s);
  }
  std::vector<std::vector<size_t>> predecessors(states);
  while (!todo.empty()) {
    size_t s = todo.front();
    todo.pop_front();
    for (auto i = model.route_begin[s]; i < model.route_begin[s + 1]; ++i) {
      size_t t = size_t(model.route_to[i]) * classes + model.route_class[i];
      predecessors[t].push_back(s);
      if (!reached[t]) reached[t] = 1, todo.push_back(t);
    }
  }
  std::vector<char> reaches_end(states, 0);
  for (size_t s = 0; s < states; ++s)
    if (reached[s] && model.steps[s / classes].kind == StepKind::end) reaches_end[s] = 1, todo.push_back(s);
  while (!todo.empty()) {
    size_t s = todo.front();
    todo.pop_front();
    for (size_t p : predecessors[s])
      if (!reaches_end[p]) reaches_end[p] = 1, todo.push_back(p);
  }
  for (size_t s = 0; s < states; ++s) {
    if (!reached[s]) continue;
    auto v = static_cast<StepVertex>(s / classes);
    const Step& step = process.graph[v];
    const CompiledStep& c = model.steps[v];
    const std::string& cls = process.classes[s % classes];
    if (staffed_now && c.works && model.roles[c.role].servers <= 0)
      refuse(process, step.line,
             fmt::format(fmt::runtime(say(lang,
                                          "{} tarvitsee roolin \"{}\" työtä, mutta roolilla ei ole kapasiteettia "
                                          "asiakasvirralle (fte {:g}, absence {:g}, reserved {:g}, toimintojen kuorma "
                                          "{:g} h/vko): kukaan ei voisi koskaan palvella sitä",
                                          "{} behöver arbete av rollen \"{}\", som saknar kapacitet för klientflödet "
                                          "(fte {:g}, absence {:g}, reserved {:g}, aktivitetsbelastning {:g} h/v): "
                                          "ingen skulle någonsin kunna betjäna det",
                                          "{} needs the work of role \"{}\", which has no capacity for the client flow "
                                          "(fte {:g}, absence {:g}, reserved {:g}, activity load {:g} h/week): nobody "
                                          "could ever serve it")),
                         step_name(process, v, lang), model.roles[c.role].id, process.roles[c.role].fte,
                         process.roles[c.role].absence, process.roles[c.role].reserved, model.roles[c.role].load_hours),
             lang);
    if (c.kind != StepKind::end && model.route_begin[s] == model.route_begin[s + 1])
      refuse(process, step.line,
             fmt::format(fmt::runtime(say(
                             lang, "{}: luokan \"{}\" asiakkaat tulevat siihen, mutta siitä ei johda reittiä eteenpäin",
                             "{}: klienter i klassen \"{}\" når det men ingen rutt leder vidare",
                             "{}: clients of class \"{}\" reach it but no route leads on from it")),
                         step_name(process, v, lang), cls),
             lang);
    if (!reaches_end[s])
      refuse(process, step.line,
             fmt::format(fmt::runtime(say(lang,
                                          "{}: siihen tulevat luokan \"{}\" asiakkaat eivät koskaan pääse loppuun "
                                          "(silmukka ilman ulospääsyä)",
                                          "{}: klienter i klassen \"{}\" som når det kommer aldrig till ett slut (en "
                                          "slinga utan utgång)",
                                          "{}: clients of class \"{}\" who reach it can never reach an end (a loop "
                                          "with no exit)")),
                         step_name(process, v, lang), cls),
             lang);
  }
}

}  // namespace

double CompiledModel::arrivals_per_week() const {
  double total = 0;
  for (const CompiledStart& start : starts) total += start.rate;
  return total;
}

CompiledModel compile(const Process& process, const SimulationOptions& options, bool staffed_now) {
  CompiledModel model;
  model.classes = static_cast<int>(std::max<size_t>(1, process.classes.size()));
  model.calendar = process.calendar;
  if (options.calendar == CalendarModel::office && !OfficeWeek::fits(model.calendar))
    refuse(process, 0,
           fmt::format(fmt::runtime(say(options.lang,
                                        "--calendar office edellyttää enintään 16 tunnin työpäiviä (alkaen klo 8) ja "
                                        "enintään 7 työpäivää viikossa (hours_per_fte {:g}, hours_per_day {:g})",
                                        "--calendar office kräver arbetsdagar på högst 16 timmar (från 08:00) och "
                                        "högst 7 arbetsdagar i veckan (hours_per_fte {:g}, hours_per_day {:g})",
                                        "--calendar office needs working days of at most 16 hours (from 08:00) and at "
                                        "most 7 working days a week (hours_per_fte {:g}, hours_per_day {:g})")),
                       model.calendar.hours_per_fte, model.calendar.hours_per_day),
           options.lang);
  if (!(model.calendar.hours_per_fte > 0))
    refuse(process, 0, "hours_per_fte must be positive to simulate", options.lang);  // the reader refuses it first
  compile_roles(process, options, model);
  compile_steps(process, model);
  if (staffed_now && !(model.arrivals_per_week() > 0))
    refuse(process, 0,
           say(options.lang,
               "yhdelläkään alkuvaiheella ei ole saapumisia (esimerkiksi arrivals=\"40/week\"): simuloitavaa ei ole",
               "inget startsteg har ankomster (till exempel arrivals=\"40/week\"): det finns inget att simulera",
               "no start step has arrivals (e.g. arrivals=\"40/week\"): there is nothing to simulate"),
           options.lang);
  if (model.deadlines.size() > 64)
    refuse(process, 0,
           say(options.lang, "simulointi seuraa enintään 64:ää vaihetta, joilla on määräaika",
               "simuleringen följer högst 64 steg med tidsgräns",
               "the simulation follows at most 64 steps with a deadline"),
           options.lang);
  compile_routes(process, model);
  check_reachable_states(process, model, staffed_now, options.lang);
  return model;
}

}  // namespace sujuva::sim
