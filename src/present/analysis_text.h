// Printing an Analysis for people: text tables with units, fitted to a screen (CSV: analysis_csv.h).
//
//   print_analysis(analysis, process, Lang::fi, std::cout);
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

}  // namespace sujuva
