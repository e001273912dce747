#include "text/duration.h"

#include <cmath>

#include "text/format.h"

namespace sujuva {

namespace {

bool whole(double x) { return std::fabs(x - std::round(x)) < 1e-9; }

bool in_days(double weeks, double working_days_per_week) {
  return weeks * working_days_per_week <= kDurationDaysUpTo + 1e-9;
}

const char* working_day_singular(Lang lang, DurationStyle style) {
  return style == DurationStyle::unit ? working_days_unit(lang, style)
                                      : say(lang, "työpäivä", "arbetsdag", "working day");
}
const char* week_singular(Lang lang, DurationStyle style) {
  return style == DurationStyle::unit ? weeks_unit(lang, style) : say(lang, "viikko", "vecka", "week");
}

std::string amount(double value, const char* singular, const char* plural, Lang lang) {
  const int decimals = whole(value) ? 0 : 1;
  const std::string number = format_decimal(value, decimals, lang);
  return number + " " + (decimals == 0 && std::lround(value) == 1 ? singular : plural);
}

}  // namespace

std::string format_duration_like(double weeks, double largest, double working_days_per_week, Lang lang,
                                 DurationStyle style) {
  if (!std::isfinite(weeks)) return "–";
  if (!std::isfinite(largest) || largest < weeks) largest = weeks;
  if (!in_days(largest, working_days_per_week)) return format_decimal(weeks, 1, lang) + " " + weeks_unit(lang, style);
  const double days = weeks * working_days_per_week;
  if (days > 0 && days < 0.05)
    return say(lang, "alle 0,1 ", "under 0,1 ", "under 0.1 ") + std::string(working_days_unit(lang, style));
  return format_decimal(days, 1, lang) + " " + working_days_unit(lang, style);
}

std::string format_duration_range(double mean, double low, double high, double working_days_per_week, Lang lang,
                                  double largest, DurationStyle style) {
  if (!std::isfinite(largest) || largest < mean) largest = mean;
  std::string text = format_duration_like(mean, largest, working_days_per_week, lang, style);
  if (!std::isfinite(mean) || !std::isfinite(low) || !std::isfinite(high)) return text;
  const double factor = in_days(largest, working_days_per_week) ? working_days_per_week : 1.0;
  return text + " (" + format_decimal(low * factor, 1, lang) + "–" + format_decimal(high * factor, 1, lang) + ")";
}

const char* working_days_unit(Lang lang, DurationStyle style) {
  return style == DurationStyle::unit ? say(lang, "tp", "arbetsd.", "wd")
                                      : say(lang, "työpäivää", "arbetsdagar", "working days");
}

const char* weeks_unit(Lang lang, DurationStyle style) {
  return style == DurationStyle::unit ? say(lang, "vk", "v.", "wk") : say(lang, "viikkoa", "veckor", "weeks");
}

std::string format_duration(double weeks, double working_days_per_week, Lang lang, DurationStyle style) {
  if (!std::isfinite(weeks)) return "–";
  const double days = weeks * working_days_per_week;
  if (in_days(weeks, working_days_per_week)) {
    if (days > 0 && days < 0.05)
      return say(lang, "alle 0,1 ", "under 0,1 ", "under 0.1 ") + std::string(working_days_unit(lang, style));
    return amount(days, working_day_singular(lang, style), working_days_unit(lang, style), lang);
  }
  return amount(weeks, week_singular(lang, style), weeks_unit(lang, style), lang);
}

std::string format_duration(std::optional<double> weeks, double working_days_per_week, Lang lang, DurationStyle style) {
  if (weeks) return format_duration(*weeks, working_days_per_week, lang, style);
  if (style == DurationStyle::unit) return "–";
  return say(lang, "ei laskettavissa", "kan inte beräknas", "cannot be computed");
}

}  // namespace sujuva
