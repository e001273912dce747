#include "present/analysis_csv.h"

#include <filesystem>

#include "model/label_text.h"
#include "present/atomic_file.h"
#include "present/csv.h"

namespace sujuva {

using Row = std::vector<std::string>;

std::string roles_csv(const Analysis& a, const Process& p, Lang lang) {
  CsvText csv(lang);
  csv.row({"id", "label", "fte", "servers", "capacity_hours_per_week", "demand_hours_per_week",
           "activity_hours_per_week", "utilisation", "stable", "wait_weeks", "queue_clients",
           "backlog_growth_clients_per_week", "backlog_growth_hours_per_week", "share_of_clients",
           "share_of_lead_time"});
  for (const auto& r : a.roles) {
    csv.field(r.id);
    csv.field(role_label(p, r.id, lang));
    csv.number(r.fte);
    csv.number(r.servers);
    csv.number(r.capacity_hours_per_week);
    csv.number(r.demand_hours_per_week);
    csv.number(r.activity_hours_per_week);
    csv.number(r.utilisation);
    csv.field(r.stable ? "1" : "0");
    csv.number(r.wait_weeks);
    csv.number(r.queue_clients);
    csv.number(r.backlog_growth_clients_per_week);
    csv.number(r.backlog_growth_hours_per_week);
    csv.number(r.share_of_clients);
    csv.number(r.share_of_lead_time);
    csv.end_row();
  }
  return csv.take();
}

std::string steps_csv(const Analysis& a, const Process& p, Lang lang) {
  CsvText csv(lang);
  csv.row({"id", "label", "kind", "role", "arrivals_per_week", "visits", "reach", "workload_hours_per_week",
           "wait_weeks", "sojourn_weeks", "share_of_lead_time"});
  std::string scratch;
  for (size_t v = 0; v < a.steps.size(); ++v) {
    const auto& s = a.steps[v];
    csv.field(s.id);
    csv.field(label_line(p.graph[v].label.in(lang, s.id), scratch));
    csv.field(s.kind);
    csv.field(s.role ? std::string_view(*s.role) : std::string_view());
    csv.number(s.arrivals_per_week);
    csv.number(s.visits);
    csv.number(s.reach);
    csv.number(s.workload_hours_per_week);
    csv.number(s.wait_weeks);
    csv.number(s.sojourn_weeks);
    csv.number(s.share_of_lead_time);
    csv.end_row();
  }
  return csv.take();
}

std::string projection_csv(const Analysis& a, Lang lang) {
  CsvText csv(lang);
  Row header{"week"};
  if (a.projection) {
    for (const auto& r : a.projection->roles) header.push_back(r);
    header.push_back("arrivals_per_week");
    header.push_back("completions_per_week");
  }
  csv.row(header);
  if (a.projection) {
    for (size_t w = 0; w < a.projection->weeks.size(); ++w) {
      csv.field(std::to_string(a.projection->weeks[w]));
      for (double q : a.projection->queue_clients[w]) csv.number(q);
      csv.number(a.projection->arrivals_per_week[w]);
      csv.number(a.projection->completions_per_week[w]);
      csv.end_row();
    }
  }
  return csv.take();
}

void write_analysis_csv(const std::string& dir, const Analysis& a, const Process& p, Lang lang) {
  create_folder(dir, lang);
  auto path = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };
  write_file_atomically(path("roles.csv"), roles_csv(a, p, lang), lang);
  write_file_atomically(path("steps.csv"), steps_csv(a, p, lang), lang);
  if (a.projection) write_file_atomically(path("projection.csv"), projection_csv(a, lang), lang);
}

}  // namespace sujuva
