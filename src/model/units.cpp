#include "model/units.h"

#include <charconv>
#include <cmath>
#include <string>

namespace sujuva {

namespace detail {
std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}
}  // namespace detail

double Calendar::to_hours(const Duration& d) const {
  switch (d.unit) {
    case TimeUnit::minute:
      return d.amount / 60.0;
    case TimeUnit::hour:
      return d.amount;
    case TimeUnit::working_day:
      return d.amount * hours_per_day;
    case TimeUnit::day:
      return d.amount * hours_per_fte / 7.0;
    case TimeUnit::week:
      return d.amount * hours_per_fte;
  }
  return 0;
}

double Calendar::to_weeks(const Duration& d) const {
  switch (d.unit) {
    case TimeUnit::working_day:
      return d.amount / 5.0;  // five working days make a week
    case TimeUnit::day:
      return d.amount / 7.0;
    case TimeUnit::week:
      return d.amount;
    default:
      return to_hours(d) / hours_per_fte;
  }
}

namespace {
// Largest magnitude accepted anywhere: keeps every later product finite.
constexpr double kLargest = 1e12;

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }
std::string negative(Lang lang) {
  return say(lang, " ei saa olla negatiivinen", " får inte vara negativt", " must not be negative");
}
}  // namespace

Parsed<double> parse_number(std::string_view text, Lang lang) {
  text = detail::trim(text);
  double value = 0;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    return {std::nullopt, quoted(text) + say(lang, " ei ole luku", " är inte ett tal", " is not a number")};
  if (!std::isfinite(value))
    return {std::nullopt,
            quoted(text) + say(lang, " ei ole äärellinen luku", " är inte ett ändligt tal", " is not a finite number")};
  if (std::fabs(value) > kLargest)
    return {std::nullopt, quoted(text) + say(lang, " on liian suuri", " är för stort", " is too large")};
  return {value, ""};
}

namespace {
std::optional<TimeUnit> unit_named(std::string_view name) {
  if (name == "min") return TimeUnit::minute;
  if (name == "h") return TimeUnit::hour;
  if (name == "wd") return TimeUnit::working_day;
  if (name == "d") return TimeUnit::day;
  if (name == "w") return TimeUnit::week;
  return std::nullopt;
}

// Splits "1.5wd" into number text and unit text.
std::pair<std::string_view, std::string_view> split_number_unit(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '-' ||
                             text[i] == '+' || text[i] == 'e' || text[i] == 'E')) {
    // an 'e' only belongs to the number when a digit or sign follows (1e3h), not in "1wd"
    if ((text[i] == 'e' || text[i] == 'E') &&
        !(i + 1 < text.size() &&
          (std::isdigit(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '-' || text[i + 1] == '+')))
      break;
    ++i;
  }
  return {detail::trim(text.substr(0, i)), detail::trim(text.substr(i))};
}
}  // namespace

Parsed<Duration> parse_duration(std::string_view text, Lang lang) {
  text = detail::trim(text);
  auto [number_text, unit_text] = split_number_unit(text);
  if (number_text.empty())
    return {std::nullopt, quoted(text) + say(lang, " ei ole kesto (esimerkiksi 45min, 1.5h, 2wd, 3d, 1w)",
                                             " är ingen tidslängd (till exempel 45min, 1.5h, 2wd, 3d, 1w)",
                                             " is not a duration (expected e.g. 45min, 1.5h, 2wd, 3d, 1w)")};
  auto number = parse_number(number_text, lang);
  if (!number) return {std::nullopt, number.error};
  if (*number.value < 0) return {std::nullopt, quoted(text) + negative(lang)};
  if (unit_text.empty())
    return {std::nullopt,
            quoted(text) + say(lang, " tarvitsee yksikön (min, h, wd, d tai w)",
                               " behöver en enhet (min, h, wd, d eller w)", " needs a unit (min, h, wd, d or w)")};
  auto unit = unit_named(unit_text);
  if (!unit)
    return {
        std::nullopt,
        quoted(text) + say(lang, ": tuntematon yksikkö ", ": okänd enhet ", " has unknown unit ") + quoted(unit_text) +
            say(lang, " (käytä min, h, wd, d tai w)", " (använd min, h, wd, d eller w)", " (use min, h, wd, d or w)")};
  return {Duration{*number.value, *unit}, ""};
}

namespace {
// How many such periods make one calendar week.
std::optional<double> per_week_factor(std::string_view period, const Calendar& calendar) {
  if (period == "week" || period == "w") return 1.0;
  if (period == "wd") return calendar.working_days_per_week();
  if (period == "day" || period == "d") return 7.0;
  if (period == "month") return 12.0 / 52.0;  // a month is 52/12 weeks
  if (period == "year") return 1.0 / 52.0;
  return std::nullopt;
}

std::string_view after_slash(std::string_view text, std::string_view& before) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return {};
  before = detail::trim(text.substr(0, slash));
  return detail::trim(text.substr(slash + 1));
}
}  // namespace

Parsed<double> parse_rate_per_week(std::string_view text, const Calendar& calendar, Lang lang) {
  std::string_view count_text;
  auto period = after_slash(detail::trim(text), count_text);
  auto factor = per_week_factor(period, calendar);
  if (!factor)
    return {std::nullopt,
            quoted(text) + say(lang, " ei ole määrä ajassa (esimerkiksi 40/week, 8/wd, 2/day, 170/month, 2000/year)",
                               " är ingen takt (till exempel 40/week, 8/wd, 2/day, 170/month, 2000/year)",
                               " is not a rate (expected e.g. 40/week, 8/wd, 2/day, 170/month, 2000/year)")};
  auto count = parse_number(count_text, lang);
  if (!count) return {std::nullopt, count.error};
  if (*count.value < 0) return {std::nullopt, quoted(text) + negative(lang)};
  return {*count.value * *factor, ""};
}

Parsed<double> parse_load_hours_per_week(std::string_view text, const Calendar& calendar, Lang lang) {
  std::string_view amount_text;
  auto period = after_slash(detail::trim(text), amount_text);
  auto factor = per_week_factor(period, calendar);
  if (!factor)
    return {std::nullopt, quoted(text) + say(lang, " ei ole kuormitus (esimerkiksi 6h/week, 1wd/week, 30min/wd)",
                                             " är ingen belastning (till exempel 6h/week, 1wd/week, 30min/wd)",
                                             " is not a load (expected e.g. 6h/week, 1wd/week, 30min/wd)")};
  auto amount = parse_duration(amount_text, lang);
  if (!amount) return {std::nullopt, amount.error};
  return {calendar.to_hours(*amount.value) * *factor, ""};
}

}  // namespace sujuva
