// Working-time calendar and the parsing of durations and rates ("45min", "7wd", "40/week").
//
// The continuous-time model runs on calendar weeks: one week is `hours_per_fte`
// working hours, five working days (wd) or seven calendar days (d). Effort is
// staff hands-on time in hours; delays and deadlines are elapsed weeks.
//
//   Calendar c;                                 // 38.25 h/week, 7.65 h/day
//   auto d = parse_duration("1.5wd");           // {1.5, TimeUnit::working_day}
//   c.to_hours(*d.value) == 11.475;             // effort in staff hours
//   c.to_weeks(*d.value) == 0.3;                // elapsed time in weeks
//   OfficeWeek office(c);                       // open Monday to Friday from 08:00, 7.65 h a day
//   office.calendar_weeks(0.1);                 // 11.825 / 168: Monday, half a working day after 08:00
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "model/lang.h"

namespace sujuva {

enum class TimeUnit { minute, hour, working_day, day, week };

struct Duration {
  double amount = 0;
  TimeUnit unit = TimeUnit::hour;
  bool is_calendar() const { return unit == TimeUnit::day || unit == TimeUnit::week; }
};

struct Calendar {
  double hours_per_fte = 38.25;  // municipal collective agreement, social-work staff
  double hours_per_day = 7.65;

  double working_days_per_week() const { return hours_per_fte / hours_per_day; }
  // Staff hours of a duration (calendar units convert through the working week).
  double to_hours(const Duration& d) const;
  // Elapsed calendar weeks of a duration.
  double to_weeks(const Duration& d) const;
};

// The office week of a calendar: open on working_days_per_week() days from Monday, from
// 08:00 for hours_per_day hours. Working time counts one working week per calendar week,
// evenly over the opening hours; calendar time counts 168 hours a week from Monday 00:00.
// Inline: the simulation converts its clock on every event.
class OfficeWeek {
 public:
  static constexpr double kOpensAtHour = 8;

  explicit OfficeWeek(const Calendar& calendar)
      : days_per_week_(calendar.working_days_per_week()), hours_per_day_(calendar.hours_per_day) {}

  // Whether the opening hours fit in a week: at most 7 days of at most 16 hours from 08:00.
  static bool fits(const Calendar& calendar) {
    return calendar.hours_per_day > 0 && calendar.hours_per_day <= 16 && calendar.working_days_per_week() <= 7;
  }

  // The calendar instant (weeks) of a working-time instant (working weeks).
  double calendar_weeks(double working_weeks) const {
    double week = std::floor(working_weeks);
    double day_share = (working_weeks - week) * days_per_week_;
    double day = std::floor(day_share);
    double hour = day * 24 + kOpensAtHour + (day_share - day) * hours_per_day_;
    return week + hour / 168;
  }

  // The working-time instant at a calendar instant, or at the next opening if the office is closed.
  double working_weeks(double calendar_weeks) const {
    double week = std::floor(calendar_weeks);
    double hours = (calendar_weeks - week) * 168;
    double day = std::floor(hours / 24);
    if (day >= days_per_week_) return week + 1;
    double into = hours - day * 24 - kOpensAtHour;
    if (into <= 0) return week + day / days_per_week_;
    if (into >= hours_per_day_) return day + 1 >= days_per_week_ ? week + 1 : week + (day + 1) / days_per_week_;
    return week + (day + into / hours_per_day_) / days_per_week_;
  }

 private:
  double days_per_week_, hours_per_day_;
};

// Result of parsing user text: a value, or an error message saying what is wrong (in the
// `lang` given to the parser; the user's text and the unit names stay as written).
template <class T>
struct Parsed {
  std::optional<T> value;
  std::string error;
  explicit operator bool() const { return value.has_value(); }
};

// "0.5", "-2", "1e3"; a decimal comma as well ("0,5").
Parsed<double> parse_number(std::string_view text, Lang lang = Lang::en);
// A share: a number ("0.15", "0,15") or a per cent ("15 %", "15%", "12,5 %") -> 0.15.
Parsed<double> parse_share(std::string_view text, Lang lang = Lang::en);
Parsed<Duration> parse_duration(std::string_view text, Lang lang = Lang::en);
// "40/week", "8/wd", "2/day", "170/month", "2000/year" -> clients per calendar week.
// "/day" means calendar day; "/wd" working day.
Parsed<double> parse_rate_per_week(std::string_view text, const Calendar& calendar, Lang lang = Lang::en);
// "6h/week", "1wd/week", "30min/wd" -> staff hours per week.
Parsed<double> parse_load_hours_per_week(std::string_view text, const Calendar& calendar, Lang lang = Lang::en);

namespace detail {
std::string_view trim(std::string_view text);
}

}  // namespace sujuva
