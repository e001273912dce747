// Printing a Simulation for people: text tables in fi/sv/en, and CSV files for spreadsheets.
//
//   std::cout << simulation_text(sim, Lang::fi);
//   write_simulation_csv(sim, "out/", Lang::fi);   // roles.csv, classes.csv, by_assessment.csv, deadlines.csv, weekly.csv
#pragma once

#include <string>

#include "present/table.h"
#include "sim/simulation.h"

namespace sujuva {

// "3,4 (3,1–3,7)": a mean and its 95% interval, or "-" without a value.
std::string format_estimate(const Estimate& e, int decimals, Lang lang);
// A duration estimate in weeks by the one duration rule (text/duration.h): "0,2 tp (0,2–0,3)",
// the mean alone when there is no interval, "-" without a value; in the unit of `largest` (weeks)
// when that is larger, so that figures read together share a unit.
std::string format_duration_estimate(const Estimate& e, double working_days_per_week, Lang lang,
                                     double largest = 0);
// The largest finite mean of `estimates`, for format_duration_estimate's `largest`.
double largest_mean(std::initializer_list<const Estimate*> estimates);

// `fit` (present/table.h): the width the lines may take; p50 and p95 only with every column.
std::string simulation_text(const Simulation& sim, Lang lang, const TextFit& fit = {});

// Writes the CSV files into `directory` (created if missing), each atomically.
// fi/sv: UTF-8 with BOM, `;` separators and decimal commas (what Excel expects there);
// en: `,` and decimal points. Throws std::runtime_error on a write failure.
void write_simulation_csv(const Simulation& sim, const std::string& directory, Lang lang);

}  // namespace sujuva
