// An Analysis as CSV files that Excel opens right: roles.csv, steps.csv, projection.csv.
//
//   write_analysis_csv("out/", analysis, process, Lang::fi);
#pragma once

#include <string>

#include "flow/analysis.h"

namespace sujuva {

// The three CSV texts: UTF-8 with BOM and ';' under fi/sv, ',' under en.
std::string roles_csv(const Analysis& analysis, const Process& process, Lang lang);
std::string steps_csv(const Analysis& analysis, const Process& process, Lang lang);
std::string projection_csv(const Analysis& analysis, Lang lang);

// Writes roles.csv, steps.csv and (with a projection) projection.csv into `dir`
// (created if missing), each atomically. Throws std::runtime_error on failure.
void write_analysis_csv(const std::string& dir, const Analysis& analysis, const Process& process, Lang lang);

}  // namespace sujuva
