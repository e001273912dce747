// Durations for people: the one unit rule every output uses for waits, lead times and deadlines.
//
//   format_duration(0.04, 5, Lang::fi)                      == "0,2 työpäivää"
//   format_duration(0.04, 5, Lang::fi, DurationStyle::unit) == "0,2 tp"
//   format_duration(7.0 / 5, 5, Lang::sv)                   == "7 arbetsdagar"
//   format_duration(36.04, 5, Lang::en)                     == "36.0 weeks"
#pragma once

#include <optional>
#include <string>

#include "model/lang.h"

namespace sujuva {

// Words in sentences ("0,2 työpäivää"), a short unit in tables and diagrams ("0,2 tp").
enum class DurationStyle { words, unit };

// Up to this many working days a duration is written in working days, above it in weeks: the
// statutory deadlines (7 working days, 3 months) then read as the law states them, and a wait
// never changes unit between the summary, the tables and the diagram.
inline constexpr double kDurationDaysUpTo = 20;

// A duration given in weeks (the model's unit) in working days or weeks by the rule above;
// whole numbers without decimals, otherwise one decimal; a positive value that would round to
// 0 as "alle 0,1" ("under 0,1", "under 0.1"). `working_days_per_week` comes from the model's
// calendar (Calendar::working_days_per_week).
std::string format_duration(double weeks, double working_days_per_week, Lang lang,
                            DurationStyle style = DurationStyle::words);
// The same; for a duration that cannot be computed (a queue that grows without end) "–" in
// tables and "ei laskettavissa" ("kan inte beräknas", "cannot be computed") in words.
std::string format_duration(std::optional<double> weeks, double working_days_per_week, Lang lang,
                            DurationStyle style = DurationStyle::words);

// Figures read together (a mean and its percentiles, one figure in several models) share one
// unit, the one the largest of them is written in, so that a row never reads "10,9 tp  9,3 vk".
// `largest` is that figure in weeks; always one decimal.
std::string format_duration_like(double weeks, double largest, double working_days_per_week, Lang lang,
                                 DurationStyle style = DurationStyle::unit);
// A mean with its interval, all in the unit of the larger of `mean` and `largest`:
// "0,2 tp (0,2–0,3)".
std::string format_duration_range(double mean, double low, double high, double working_days_per_week, Lang lang,
                                  double largest = 0, DurationStyle style = DurationStyle::unit);

// The unit names alone, for headings: "työpäivää"/"tp", "viikkoa"/"vk".
const char* working_days_unit(Lang lang, DurationStyle style);
const char* weeks_unit(Lang lang, DurationStyle style);

}  // namespace sujuva
