#include "render/durations.h"

#include <cmath>

#include "render/diagram_internal.h"

namespace sujuva {

std::string describe_deadline(double weeks, const Calendar& calendar, Lang lang) {
  double days = weeks * calendar.working_days_per_week();
  if (days <= 20.0 + 1e-9) {
    int decimals = std::fabs(days - std::round(days)) < 1e-9 ? 0 : 1;
    bool one = decimals == 0 && std::lround(days) == 1;
    return format_decimal(days, decimals, lang) + " " +
           (one ? say(lang, "työpäivä", "arbetsdag", "working day")
                : say(lang, "työpäivää", "arbetsdagar", "working days"));
  }
  int decimals = std::fabs(weeks - std::round(weeks)) < 1e-9 ? 0 : 1;
  return format_decimal(weeks, decimals, lang) + " " + say(lang, "viikkoa", "veckor", "weeks");
}

namespace diagram {

std::string format_hours(double hours, Lang lang) {
  if (hours < 1.0 - 1e-9) return format_decimal(hours * 60, 0, lang) + " min";
  auto whole = [](double x) { return std::fabs(x - std::round(x)) < 1e-9; };
  int decimals = whole(hours) ? 0 : whole(hours * 10) ? 1 : 2;
  return format_decimal(hours, decimals, lang) + " h";
}

std::string format_rate(double per_week, Lang lang) { return format_decimal(per_week, per_week < 10 ? 1 : 0, lang); }

// Short waits in working days, longer ones in weeks.
std::string wait_text(double weeks, const Calendar& calendar, Lang lang) {
  double days = weeks * calendar.working_days_per_week();
  if (days < 5) return format_decimal(days, 1, lang) + " " + say(lang, "tp", "ad", "wd");
  return format_decimal(weeks, 1, lang) + " " + Words{lang}.weeks_short();
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

}  // namespace diagram

}  // namespace sujuva
