#include "model/distribution.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "model/diagnostic.h"

namespace sujuva {

double Distribution::mean() const {
  switch (kind) {
    case DistributionKind::triangular:
      return (a + b + c) / 3.0;
    case DistributionKind::uniform:
      return (a + b) / 2.0;
    default:
      return a;
  }
}

double Distribution::scv() const {
  double m = mean();
  if (m <= 0) return 0;
  switch (kind) {
    case DistributionKind::constant:
      return 0;
    case DistributionKind::exponential:
      return 1;
    case DistributionKind::gamma:
    case DistributionKind::lognormal:
      return b * b;
    case DistributionKind::triangular:
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0 / (m * m);
    case DistributionKind::uniform:
      return (b - a) * (b - a) / 12.0 / (m * m);
  }
  return 0;
}

Distribution Distribution::scaled(double factor) const {
  Distribution d = *this;
  d.a *= factor;
  if (kind != DistributionKind::gamma && kind != DistributionKind::lognormal) d.b *= factor;
  d.c *= factor;
  return d;
}

double Distribution::detail_triangular(double u) const {
  // a = min, b = mode, c = max
  double width = c - a;
  if (width <= 0) return a;
  double split = (b - a) / width;
  if (u < split) return a + std::sqrt(u * width * (b - a));
  return c - std::sqrt((1 - u) * width * (c - b));
}

std::string Distribution::describe(std::string_view unit) const {
  auto q = [&](double v) { return fmt::format("{:g}{}", v, unit); };
  switch (kind) {
    case DistributionKind::constant:
      return q(a);
    case DistributionKind::exponential:
      return "exp(" + q(a) + ")";
    case DistributionKind::gamma:
      return fmt::format("gamma(mean={}, cv={:g})", q(a), b);
    case DistributionKind::lognormal:
      return fmt::format("lognormal(mean={}, cv={:g})", q(a), b);
    case DistributionKind::triangular:
      return "tri(" + q(a) + ", " + q(b) + ", " + q(c) + ")";
    case DistributionKind::uniform:
      return "uniform(" + q(a) + ", " + q(b) + ")";
  }
  return q(a);
}

bool DistributionSpec::uses_calendar_units() const {
  return std::any_of(durations.begin(), durations.end(), [](const Duration& d) { return d.is_calendar(); });
}

namespace {
template <class Convert>
Distribution convert(const DistributionSpec& spec, Convert to_unit) {
  Distribution d;
  d.kind = spec.kind;
  double* slots[] = {&d.a, &d.b, &d.c};
  size_t slot = 0;
  for (const auto& duration : spec.durations) {
    if ((spec.kind == DistributionKind::gamma || spec.kind == DistributionKind::lognormal) && slot == 1) ++slot;
    *slots[slot++] = to_unit(duration);
  }
  if (spec.kind == DistributionKind::gamma || spec.kind == DistributionKind::lognormal) d.b = spec.cv;
  return d;
}
}  // namespace

Distribution DistributionSpec::in_hours(const Calendar& calendar) const {
  return convert(*this, [&](const Duration& x) { return calendar.to_hours(x); });
}

Distribution DistributionSpec::in_weeks(const Calendar& calendar) const {
  return convert(*this, [&](const Duration& x) { return calendar.to_weeks(x); });
}

namespace {

struct Call {
  std::string name;
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
};

// Splits "gamma(mean=2h, cv=0.5)" into name and arguments.
Parsed<Call> split_call(std::string_view text, Lang lang) {
  Call call;
  auto open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')')
    return {std::nullopt, "\"" + std::string(text) + "\"" +
                              say(lang, " ei ole jakauma", " är ingen fördelning", " is not a distribution")};
  call.name = std::string(detail::trim(text.substr(0, open)));
  std::string_view args = text.substr(open + 1, text.size() - open - 2);
  // The next comma that separates arguments; one between two digits is a decimal comma ("1,5h").
  auto next_separator = [](std::string_view text) {
    for (size_t k = 0; k < text.size(); ++k)
      if (text[k] == ',' && !(k > 0 && k + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[k - 1])) &&
                              std::isdigit(static_cast<unsigned char>(text[k + 1]))))
        return k;
    return std::string_view::npos;
  };
  while (true) {
    auto comma = next_separator(args);
    std::string_view arg = detail::trim(args.substr(0, comma));
    auto equals = arg.find('=');
    if (equals != std::string_view::npos)
      call.named[std::string(detail::trim(arg.substr(0, equals)))] = std::string(detail::trim(arg.substr(equals + 1)));
    else if (!arg.empty())
      call.positional.emplace_back(arg);
    if (comma == std::string_view::npos) break;
    args.remove_prefix(comma + 1);
  }
  return {call, ""};
}

Parsed<DistributionSpec> fail(std::string_view text, const std::string& why) {
  return {std::nullopt, "\"" + std::string(text) + "\": " + why};
}

}  // namespace

Parsed<DistributionSpec> parse_distribution(std::string_view text, Lang lang) {
  text = detail::trim(text);
  DistributionSpec spec;
  if (text.find('(') == std::string_view::npos) {
    auto d = parse_duration(text, lang);
    if (!d) return {std::nullopt, d.error};
    spec.durations.push_back(*d.value);
    return {spec, ""};
  }
  auto call = split_call(text, lang);
  if (!call) return {std::nullopt, call.error};
  static const std::map<std::string, std::pair<DistributionKind, size_t>> kinds = {
      {"exp", {DistributionKind::exponential, 1}},     {"gamma", {DistributionKind::gamma, 1}},
      {"lognormal", {DistributionKind::lognormal, 1}}, {"tri", {DistributionKind::triangular, 3}},
      {"uniform", {DistributionKind::uniform, 2}},     {"const", {DistributionKind::constant, 1}}};
  auto found = kinds.find(call.value->name);
  if (found == kinds.end()) {
    std::vector<std::string> names;
    for (const auto& [name, _] : kinds) names.push_back(name);
    std::string suggestion = did_you_mean(call.value->name, names);
    return fail(text, say(lang, "tuntematon jakauma \"", "okänd fördelning \"", "unknown distribution \"") +
                          call.value->name + "\"" + did_you_mean_hint(suggestion, lang) +
                          say(lang, "; käytä exp, gamma, lognormal, tri tai uniform",
                              "; använd exp, gamma, lognormal, tri eller uniform",
                              "; use exp, gamma, lognormal, tri or uniform"));
  }
  spec.kind = found->second.first;
  std::vector<std::string> args = call.value->positional;
  if (spec.kind == DistributionKind::gamma || spec.kind == DistributionKind::lognormal) {
    auto& named = call.value->named;
    if (!named.count("mean") || !named.count("cv"))
      return fail(text, call.value->name +
                            say(lang, " tarvitsee mean= ja cv=, esimerkiksi ", " behöver mean= och cv=, till exempel ",
                                " needs mean= and cv=, e.g. ") +
                            call.value->name + "(mean=2h, cv=0.5)");
    args = {named["mean"]};
    auto cv = parse_number(named["cv"], lang);
    if (!cv) return fail(text, "cv " + cv.error);
    if (*cv.value < 0)
      return fail(text,
                  say(lang, "cv ei saa olla negatiivinen", "cv får inte vara negativt", "cv must not be negative"));
    spec.cv = *cv.value;
  } else if (!call.value->named.empty()) {
    return fail(text, call.value->name + say(lang, " ei ota nimettyjä argumentteja", " tar inga namngivna argument",
                                             " takes no named arguments"));
  }
  if (args.size() != found->second.second)
    return fail(text, fmt::format(fmt::runtime(say(lang, "{}: kestoja pitää olla {}", "{} tar {} tidslängd{}",
                                                   "{} takes {} duration{}")),
                                  call.value->name, found->second.second,
                                  found->second.second == 1 ? "" : say(lang, "", "er", "s")));
  for (const auto& arg : args) {
    auto d = parse_duration(arg, lang);
    if (!d) return {std::nullopt, d.error};
    spec.durations.push_back(*d.value);
  }
  return {spec, ""};
}

}  // namespace sujuva
