#include "model/units.h"

#include <vector>

#include "model/diagnostic.h"

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
  // A decimal comma, as Finns and Swedes write it ("0,5"): one comma between digits and no point.
  std::string with_point;
  if (auto comma = text.find(','); comma != std::string_view::npos && text.find(',', comma + 1) == std::string_view::npos &&
                                   text.find('.') == std::string_view::npos && comma > 0 && comma + 1 < text.size() &&
                                   std::isdigit(static_cast<unsigned char>(text[comma - 1])) &&
                                   std::isdigit(static_cast<unsigned char>(text[comma + 1]))) {
    with_point = std::string(text);
    with_point[comma] = '.';
    text = with_point;
  }
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

Parsed<double> parse_share(std::string_view text, Lang lang) {
  text = detail::trim(text);
  if (text.empty() || text.back() != '%') return parse_number(text, lang);
  auto number = parse_number(text.substr(0, text.size() - 1), lang);
  if (!number) return number;
  return {*number.value / 100, ""};
}

namespace {
// The spellings of each unit: the short codes of processes/README.md ("Time and units") and the
// words and abbreviations Finnish, Swedish and English speakers write.
struct UnitSpelling {
  const char* text;
  TimeUnit unit;
};
constexpr UnitSpelling kUnitSpellings[] = {
    {"min", TimeUnit::minute},       {"minuutti", TimeUnit::minute},    {"minuuttia", TimeUnit::minute},
    {"minut", TimeUnit::minute},     {"minuter", TimeUnit::minute},     {"minute", TimeUnit::minute},
    {"minutes", TimeUnit::minute},   {"h", TimeUnit::hour},             {"t", TimeUnit::hour},
    {"tunti", TimeUnit::hour},       {"tuntia", TimeUnit::hour},        {"tim", TimeUnit::hour},
    {"timme", TimeUnit::hour},       {"timmar", TimeUnit::hour},        {"hour", TimeUnit::hour},
    {"hours", TimeUnit::hour},       {"wd", TimeUnit::working_day},     {"tp", TimeUnit::working_day},
    {"työpäivä", TimeUnit::working_day}, {"työpäivää", TimeUnit::working_day}, {"arbetsdag", TimeUnit::working_day},
    {"arbetsdagar", TimeUnit::working_day}, {"arkipäivä", TimeUnit::working_day},
    {"arkipäivää", TimeUnit::working_day}, {"working day", TimeUnit::working_day},
    {"working days", TimeUnit::working_day}, {"d", TimeUnit::day},      {"pv", TimeUnit::day}, {"vrk", TimeUnit::day},
    {"päivä", TimeUnit::day},        {"päivää", TimeUnit::day},         {"dag", TimeUnit::day},
    {"dagar", TimeUnit::day},        {"day", TimeUnit::day},            {"days", TimeUnit::day},
    {"w", TimeUnit::week},           {"vk", TimeUnit::week},            {"vko", TimeUnit::week},
    {"viikko", TimeUnit::week},      {"viikkoa", TimeUnit::week},
    {"vecka", TimeUnit::week},       {"veckor", TimeUnit::week},        {"week", TimeUnit::week},
    {"weeks", TimeUnit::week},
};

// ASCII letters to lower case; "Työpäivää" matches as well, the rest of UTF-8 is kept.
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<TimeUnit> unit_named(std::string_view name) {
  const std::string key = lower(name);
  for (const auto& spelling : kUnitSpellings)
    if (key == spelling.text) return spelling.unit;
  return std::nullopt;
}

// Splits "1.5wd" into number text and unit text.
std::pair<std::string_view, std::string_view> split_number_unit(std::string_view text) {
  size_t i = 0;
  auto decimal_comma = [&](size_t k) {
    return text[k] == ',' && k > 0 && k + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[k - 1])) &&
           std::isdigit(static_cast<unsigned char>(text[k + 1]));
  };
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '-' ||
                             text[i] == '+' || text[i] == 'e' || text[i] == 'E' || decimal_comma(i))) {
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
    return {std::nullopt, quoted(text) + say(lang, " ei ole kesto (esimerkiksi 45 min, 1,5 h, 2 tp, 3 pv, 1 vk)",
                                             " är ingen tidslängd (till exempel 45 min, 1,5 h, 2 arbetsdagar, 3 dagar, 1 vecka)",
                                             " is not a duration (expected e.g. 45min, 1.5h, 2wd, 3d, 1w)")};
  auto number = parse_number(number_text, lang);
  if (!number) return {std::nullopt, number.error};
  if (*number.value < 0) return {std::nullopt, quoted(text) + negative(lang)};
  if (unit_text.empty())
    return {std::nullopt,
            quoted(text) + say(lang, " tarvitsee yksikön (min, h, tp, pv tai vk)",
                               " behöver en enhet (min, h, arbetsdagar, dagar eller veckor)", " needs a unit (min, h, wd, d or w)")};
  auto unit = unit_named(unit_text);
  if (!unit) {
    std::vector<std::string> spellings;
    for (const auto& spelling : kUnitSpellings) spellings.emplace_back(spelling.text);
    std::string suggestion = did_you_mean(lower(unit_text), spellings);
    return {std::nullopt,
            quoted(text) + say(lang, ": tuntematon yksikkö ", ": okänd enhet ", " has unknown unit ") +
                quoted(unit_text) +
                (suggestion.empty() ? std::string(say(lang, " (käytä min, h, tp, pv tai vk)",
                                                      " (använd min, h, arbetsdagar, dagar eller veckor)",
                                                      " (use min, h, wd, d or w)"))
                                    : did_you_mean_hint(suggestion, lang))};
  }
  return {Duration{*number.value, *unit}, ""};
}

namespace {
// How many such periods make one calendar week.
// Periods are written as in a duration ("/vk", "/viikko", "/vecka", "/tp") or as the words of
// "a week", "a month", "a year" in the three languages ("/viikossa", "/kk", "/månad", "/vuosi").
std::optional<double> per_week_factor(std::string_view period, const Calendar& calendar) {
  const std::string key = lower(period);
  for (const char* month : {"month", "kk", "kuukausi", "kuukaudessa", "kuussa", "månad", "mån"})
    if (key == month) return 12.0 / 52.0;  // a month is 52/12 weeks
  for (const char* year : {"year", "vuosi", "vuodessa", "år", "året"})
    if (key == year) return 1.0 / 52.0;
  for (const char* week : {"viikossa", "veckan"})
    if (key == week) return 1.0;
  for (const char* day : {"päivässä", "dagen"})
    if (key == day) return 7.0;
  auto unit = unit_named(key);
  if (!unit) return std::nullopt;
  switch (*unit) {
    case TimeUnit::week:
      return 1.0;
    case TimeUnit::working_day:
      return calendar.working_days_per_week();
    case TimeUnit::day:
      return 7.0;
    default:
      return std::nullopt;  // clients per hour or minute: not a rate a process is planned in
  }
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
            quoted(text) + say(lang, " ei ole määrä ajassa (esimerkiksi 40/vk, 8/tp, 2/pv, 170/kk, 2000/vuosi)",
                               " är ingen takt (till exempel 40/vecka, 8/arbetsdag, 2/dag, 170/månad, 2000/år)",
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
    return {std::nullopt, quoted(text) + say(lang, " ei ole kuormitus (esimerkiksi 6h/vk, 1tp/vk, 30min/tp)",
                                             " är ingen belastning (till exempel 6h/vecka, 1arbetsdag/vecka, 30min/arbetsdag)",
                                             " is not a load (expected e.g. 6h/week, 1wd/week, 30min/wd)")};
  auto amount = parse_duration(amount_text, lang);
  if (!amount) return {std::nullopt, amount.error};
  return {calendar.to_hours(*amount.value) * *factor, ""};
}

}  // namespace sujuva
