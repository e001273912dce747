// Printing an Analysis for people: text tables with units, and CSV files that Excel opens right.
//
//   print_analysis(analysis, process, Lang::fi, std::cout);
//   write_analysis_csv("out/", analysis, process, Lang::fi);   // roles.csv, steps.csv, projection.csv
#pragma once

#include <ostream>
#include <string>

#include "flow/analysis.h"
#include "present/table.h"

namespace sujuva {

// Bottleneck sentences first, then roles, steps, lead time by class, saturation,
// sensitivity, checkpoints, the projection and notes. Decimal comma in fi/sv.
// `fit` (present/table.h): the width the lines may take and whether every column shows.
void print_analysis(const Analysis& analysis, const Process& process, Lang lang, std::ostream& out,
                    const TextFit& fit = {});

// The three CSV texts: UTF-8 with BOM and ';' under fi/sv, ',' under en.
std::string roles_csv(const Analysis& analysis, const Process& process, Lang lang);
std::string steps_csv(const Analysis& analysis, const Process& process, Lang lang);
std::string projection_csv(const Analysis& analysis, Lang lang);

// Writes roles.csv, steps.csv and (with a projection) projection.csv into `dir`
// (created if missing), each atomically. Throws std::runtime_error on failure.
void write_analysis_csv(const std::string& dir, const Analysis& analysis, const Process& process, Lang lang);

}  // namespace sujuva
