// The comparison's KPI table: one row per key figure, one column per model, formatted for a language.
//
//   for (const KpiRow& row : kpi_rows(comparison, Lang::fi))
//     std::cout << row.label << ": " << row.text[0] << " → " << row.text[1] << "\n";
//   std::cout << format_table(comparison, Lang::fi);   // plain-text table with Δ columns
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compare/comparison.h"
#include "compare/simulated.h"
#include "present/table.h"

namespace sujuva {

struct KpiRow {
  std::string key;    // JSON path of the figure, e.g. "lead_time_weeks.mean", "roles.sw.utilisation"
  std::string label;  // in the chosen language, with the unit
  std::vector<std::optional<double>> values;  // per model; empty optional: not a number or undefined
  std::vector<std::string> text;              // per model, formatted ("-" when undefined)
  int decimals = 1;
  bool percent = false;  // values are shares, shown as per cent
  bool numeric = true;   // false: a name or yes/no; no difference column
  // Set for durations (values in weeks): shown by text/duration.h's rule with a short unit in
  // the first model's working days, all in the unit of the row's largest figure ("0,2 tp").
  std::optional<double> working_days_per_week;
};

std::vector<KpiRow> kpi_rows(const Comparison& comparison, Lang lang);

// The difference of column `index` against column 0, formatted with a sign
// (percentage points for shares); "" when either side is undefined.
std::string format_delta(const KpiRow& row, size_t index, Lang lang);
// The relative difference of column `index` against column 0 ("−6 %"); "" when undefined.
std::string format_relative(const KpiRow& row, size_t index, Lang lang);

// The key figures as a table: figure, one column per model and, for two models, the absolute and
// relative difference. The report prints it as HTML.
Table kpi_table(const Comparison& comparison, Lang lang);

// What each model is called in headings and column titles: its title in `lang`, or its name
// (with the scenario) where it has none or where two models would share a title.
std::vector<std::string> column_titles(const Comparison& comparison, Lang lang);
// kpi_table as plain text.
// In narrow `fit` (present/table.h) the titles wrap onto several header lines and names in value
// cells are shortened.
std::string format_table(const Comparison& comparison, Lang lang, const TextFit& fit = {});

// A client class in words (text/glossary.h class_term), in the first model's own word for it
// that any model has.
std::string class_name(const Comparison& comparison, const std::string& name, Lang lang);

// A role's label in `lang`, its id when it has none.
std::string role_name(const Comparison& comparison, const std::string& role_id, Lang lang);

// A heading with the settings `used` (warm-up resolved), then rows "figure: value [low, high]" per
// model and a "*" where the change is significant.
std::string format_simulated(const std::vector<SimulatedKpis>& figures, const std::vector<std::string>& names,
                             const SimulatedOptions& used, Lang lang);

}  // namespace sujuva
