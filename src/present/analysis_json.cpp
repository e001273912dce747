#include "present/analysis_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <ostream>
#include <sstream>
#include <string_view>

#include "present/bottleneck_text.h"
#include "text/format.h"

namespace sujuva {

namespace {

// The document written straight to a stream: a million steps as an nlohmann
// DOM cost 16 s and 3 GB. Byte for byte what nlohmann's dump(2) would write:
// keys in its (sorted) order, its number format (detail::to_chars, grisu2) and
// its string escaping (strings that need any escape go through nlohmann itself).
class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) { buffer_.reserve(kFlushAt + 4096); }
  ~JsonStream() { flush(); }
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  JsonStream& key(std::string_view name) {
    element();
    put_string(name);
    buffer_ += ": ";
    after_key_ = true;
    return *this;
  }

  void null() {
    element();
    buffer_ += "null";
  }
  void value(bool b) {
    element();
    buffer_ += b ? "true" : "false";
  }
  void value(int i) {
    element();
    fmt::format_to(std::back_inserter(buffer_), "{}", i);
  }
  void value(double x) {
    element();
    if (!std::isfinite(x)) {
      buffer_ += "null";
      return;
    }
    char digits[64];
    char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, x);
    buffer_.append(digits, end);
  }
  void value(std::optional<double> x) {
    if (x)
      value(*x);
    else
      null();
  }
  void value(std::string_view s) {
    element();
    put_string(s);
  }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::optional<std::string>& s) {
    if (s)
      value(*s);
    else
      null();
  }
  void value(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) value(s);
    end_array();
  }

 private:
  static constexpr size_t kFlushAt = 1 << 16;

  void open(char bracket) {
    element();
    buffer_ += bracket;
    counts_.push_back(0);
  }
  void close(char bracket) {
    bool empty = counts_.back() == 0;
    counts_.pop_back();
    if (!empty) newline();
    buffer_ += bracket;
    if (counts_.empty()) flush();
  }
  // The separator and indentation before an array item or an object key.
  void element() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) buffer_ += ',';
    newline();
    if (buffer_.size() >= kFlushAt) flush();
  }
  void newline() {
    buffer_ += '\n';
    buffer_.append(2 * counts_.size(), ' ');
  }
  void put_string(std::string_view s) {
    bool plain = std::all_of(s.begin(), s.end(), [](char c) {
      auto u = static_cast<unsigned char>(c);
      return u >= 0x20 && u < 0x7F && c != '"' && c != '\\';
    });
    if (!plain) {
      buffer_ += nlohmann::json(std::string(s)).dump();  // escapes and UTF-8 checks exactly as dump(2)
      return;
    }
    buffer_ += '"';
    buffer_ += s;
    buffer_ += '"';
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  std::ostream& out_;
  std::string buffer_;
  std::vector<int> counts_;  // elements written so far per open bracket
  bool after_key_ = false;
};

// Keys of an object in nlohmann's order (std::map: byte-wise), e.g. class names.
std::vector<size_t> sorted_by_name(const std::vector<std::string>& names) {
  std::vector<size_t> order(names.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return names[x] < names[y]; });
  // A repeated name is one key holding the last value, as json[name] = value does.
  std::vector<size_t> unique;
  for (size_t i = 0; i < order.size(); ++i)
    if (i + 1 == order.size() || names[order[i + 1]] != names[order[i]]) unique.push_back(order[i]);
  return unique;
}

void write_step(JsonStream& w, const StepResult& s, const std::vector<std::string>& classes,
                const std::vector<size_t>& class_order) {
  w.begin_object();
  w.key("arrivals_per_week").value(s.arrivals_per_week);
  w.key("arrivals_per_week_by_class").begin_object();
  for (size_t c : class_order)
    if (c < s.arrivals_per_week_by_class.size()) w.key(classes[c]).value(s.arrivals_per_week_by_class[c]);
  w.end_object();
  w.key("delay_weeks").value(s.delay_weeks);
  w.key("effort_hours").value(s.effort_hours);
  w.key("id").value(s.id);
  w.key("kind").value(s.kind);
  w.key("reach").value(s.reach);
  w.key("role").value(s.role);
  w.key("share_of_lead_time").value(s.share_of_lead_time);
  w.key("sojourn_weeks").value(s.sojourn_weeks);
  w.key("visits").value(s.visits);
  w.key("wait_weeks").value(s.wait_weeks);
  w.key("workload_hours_per_week").value(s.workload_hours_per_week);
  w.end_object();
}

void write_role(JsonStream& w, const RoleResult& r) {
  w.begin_object();
  w.key("absence").value(r.absence);
  w.key("activity_hours_per_week").value(r.activity_hours_per_week);
  w.key("backlog_growth_clients_per_week").value(r.backlog_growth_clients_per_week);
  w.key("backlog_growth_hours_per_week").value(r.backlog_growth_hours_per_week);
  w.key("bottleneck").value(r.bottleneck);
  w.key("capacity_hours_per_week").value(r.capacity_hours_per_week);
  w.key("demand_hours_per_week").value(r.demand_hours_per_week);
  w.key("flow_hours_per_week").value(r.flow_hours_per_week);
  w.key("fte").value(r.fte);
  w.key("id").value(r.id);
  w.key("in_system_clients").value(r.in_system_clients);
  w.key("mean_service_hours").value(r.mean_service_hours);
  w.key("queue_clients").value(r.queue_clients);
  w.key("reserved").value(r.reserved);
  w.key("servers").value(r.servers);
  w.key("service_scv").value(r.service_scv);
  w.key("share_of_clients").value(r.share_of_clients);
  w.key("share_of_lead_time").value(r.share_of_lead_time);
  w.key("stable").value(r.stable);
  w.key("utilisation").value(r.utilisation);
  w.key("visits_per_week").value(r.visits_per_week);
  w.key("wait_probability").value(r.wait_probability);
  w.key("wait_share_of_lead_time").value(r.wait_share_of_lead_time);
  w.key("wait_weeks").value(r.wait_weeks);
  w.key("wait_weeks_by_priority").begin_array();
  for (const auto& [priority, wait] : r.wait_weeks_by_priority) {  // highest (served first) first
    w.begin_object();
    w.key("priority").value(priority);
    w.key("wait_weeks").value(wait);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_projection(JsonStream& w, const Projection& p) {
  auto role_order = sorted_by_name(p.roles);
  w.begin_object();
  w.key("roles").value(p.roles);
  w.key("weeks").begin_array();
  for (size_t week = 0; week < p.weeks.size(); ++week) {
    w.begin_object();
    w.key("arrivals_per_week").value(p.arrivals_per_week[week]);
    w.key("completions_per_week").value(p.completions_per_week[week]);
    w.key("queue_clients").begin_object();
    for (size_t r : role_order) w.key(p.roles[r]).value(p.queue_clients[week][r]);
    w.end_object();
    w.key("week").value(p.weeks[week]);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_lead_time(JsonStream& w, const LeadTime& lead) {
  w.begin_object();
  w.key("by_class").begin_object();
  for (const auto& [name, value] : lead.by_class) w.key(name).value(value);
  w.end_object();
  w.key("mean").value(lead.mean);
  w.key("share_by_class").begin_object();
  for (const auto& [name, value] : lead.share_by_class) w.key(name).value(value);
  w.end_object();
  w.end_object();
}

void write_sensitivity(JsonStream& w, const Sensitivity& s, const std::string& reason) {
  w.begin_object();
  w.key("cases").begin_array();
  for (const auto& c : s.cases) {
    w.begin_object();
    w.key("change").value(c.change);
    w.key("lead_time_weeks").value(c.lead_time_weeks);
    w.key("utilisation").value(c.utilisation);
    w.key("wait_weeks").value(c.wait_weeks);
    w.end_object();
  }
  w.end_array();
  w.key("lead_time_gain_weeks").value(s.lead_time_gain_weeks);
  w.key("rank").value(s.rank);
  w.key("reason").value(reason);
  w.key("role").value(s.role);
  w.end_object();
}

}  // namespace

// One schema, written once: the streamed document, read back.
nlohmann::json to_json(const Analysis& a, const Process& p) {
  std::ostringstream text;
  write_json(a, p, text);
  return nlohmann::json::parse(text.str());
}

void write_json(const Analysis& a, const Process& p, std::ostream& out) {
  const Lang lang = parse_lang(a.lang).value_or(Lang::fi);
  JsonStream w(out);
  w.begin_object();
  w.key("arrivals_per_week").value(a.arrivals_per_week);
  w.key("bottlenecks").begin_array();
  for (const auto& b : a.bottlenecks) {
    w.begin_object();
    w.key("id").value(b.id);
    w.key("kind").value(b.kind);
    w.key("reason").value(bottleneck_sentence(b, a, p, lang));
    w.key("share_of_lead_time").value(b.share_of_lead_time);
    w.key("utilisation").value(b.utilisation);
    w.end_object();
  }
  w.end_array();
  w.key("checkpoints").begin_array();
  for (const auto& c : a.checkpoints) {
    w.begin_object();
    w.key("assessed_per_week").value(c.assessed_per_week);
    w.key("assesses").value(c.assesses);
    w.key("outcome_share").value(c.outcome_share);
    w.key("requires").value(c.required_role);
    w.key("share_cases").begin_array();
    for (const auto& s : c.share_cases) {
      w.begin_object();
      w.key("busiest_role").value(s.busiest_role);
      w.key("busiest_utilisation").value(s.busiest_utilisation);
      w.key("lead_time_weeks").value(s.lead_time_weeks);
      w.key("share").value(s.share);
      w.end_object();
    }
    w.end_array();
    w.key("share_reaching_required_role").value(c.share_reaching_required_role);
    w.key("step").value(c.step);
    w.end_object();
  }
  w.end_array();
  w.key("classes").value(a.classes);
  w.key("handoffs_per_client").value(a.handoffs_per_client);
  w.key("hours_per_fte").value(a.hours_per_fte);
  w.key("lang").value(a.lang);
  // By assessment outcome (what the outputs show); `lead_time_weeks.by_class` is by the class at the end.
  w.key("lead_time_by_assessment").begin_object();
  for (const auto& [name, value] : a.lead_time_weeks.by_assessment) w.key(name).value(value);
  w.end_object();
  w.key("lead_time_weeks");
  write_lead_time(w, a.lead_time_weeks);
  w.key("model").value(a.model);
  w.key("notes").value(analysis_notes(a, p, lang));
  w.key("projection");
  if (a.projection)
    write_projection(w, *a.projection);
  else
    w.null();
  w.key("rework_visits_per_client").value(a.rework_visits_per_client);
  w.key("roles").begin_array();
  for (const auto& r : a.roles) write_role(w, r);
  w.end_array();
  w.key("saturation").begin_object();
  w.key("arrivals_per_week").value(a.saturation.arrivals_per_week);
  w.key("role").value(a.saturation.role);
  w.key("scale").value(a.saturation.scale);
  w.end_object();
  w.key("sensitivity").begin_array();
  for (const auto& s : a.sensitivity) write_sensitivity(w, s, sensitivity_sentence(s, a, p, lang));
  w.end_array();
  w.key("share_by_assessment").begin_object();
  for (const auto& [name, value] : a.lead_time_weeks.share_by_assessment) w.key(name).value(value);
  w.end_object();
  w.key("stable").value(a.stable());
  w.key("steps").begin_array();
  auto class_order = sorted_by_name(a.classes);
  for (const auto& s : a.steps) write_step(w, s, a.classes, class_order);
  w.end_array();
  w.end_object();
}

}  // namespace sujuva
