#include "render/palette.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "text/duration.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva {

namespace detail {
// ColorBrewer YlOrRd, 7 classes (Cynthia Brewer, colorbrewer2.org): sequential
// and safe for the common kinds of colour blindness.
const std::vector<std::string>& yl_or_rd() {
  static const std::vector<std::string> colours{"#ffffb2", "#fed976", "#feb24c", "#fd8d3c",
                                                "#fc4e2a", "#e31a1c", "#b10026"};
  return colours;
}
}  // namespace detail

int HeatScale::bin(double value) const {
  if (!std::isfinite(value)) return size() - 1;
  auto it = std::upper_bound(limits.begin(), limits.end(), value);
  return static_cast<int>(it - limits.begin());
}

const std::string& HeatScale::fill(int bin) const {
  const auto& colours = detail::yl_or_rd();
  // Fewer bins than colours: spread them over the palette, keeping both ends.
  int n = size();
  int index = n <= 1 ? 0 : static_cast<int>(std::lround(bin * (colours.size() - 1.0) / (n - 1.0)));
  return colours[std::clamp(index, 0, static_cast<int>(colours.size()) - 1)];
}

const char* HeatScale::ink(int bin) const {
  // The two darkest reds need white text (contrast ratio above 4.5).
  const std::string& f = fill(bin);
  return f == "#e31a1c" || f == "#b10026" ? "#ffffff" : "#000000";
}

HeatScale utilisation_scale(Lang lang) {
  HeatScale s;
  s.title = term(Term::utilisation, lang, true);
  s.limits = {0.5, 0.7, 0.8, 0.9, 0.95, 1.0};
  const char* unit = lang == Lang::en ? "%" : "\u00A0%";
  auto pct = [](double x) { return std::to_string(static_cast<int>(std::lround(x * 100))); };
  s.labels.push_back(std::string("< ") + pct(s.limits.front()) + unit);
  for (size_t i = 1; i < s.limits.size(); ++i) s.labels.push_back(pct(s.limits[i - 1]) + "–" + pct(s.limits[i]) + unit);
  s.labels.push_back(std::string("≥ 100") + unit + " " + say(lang, "(ei riitä)", "(räcker inte)", "(overloaded)"));
  return s;
}

HeatScale wait_scale(Lang lang) {
  HeatScale s;
  s.title = say(lang, "Odotus käyntiä kohden", "Väntetid per besök", "Wait per visit");
  s.limits = {0.2, 0.6, 1, 2, 4, 8};  // weeks; 0.2 = one working day
  // In working days up to 20 working days and in weeks above, as every duration (text/duration.h).
  std::string wd = working_days_unit(lang, DurationStyle::unit);
  std::string wk = weeks_unit(lang, DurationStyle::unit);
  s.labels = {"< 1 " + wd,
              "1–3 " + wd,
              "3–5 " + wd,
              "5–10 " + wd,
              "10–20 " + wd,
              "4–8 " + wk,
              "≥ 8 " + wk + " " + say(lang, "tai jono kasvaa", "eller kön växer", "or queue grows")};
  return s;
}

std::string lighten(const std::string& hex, double share) {
  unsigned r = 0, g = 0, b = 0;
  if (hex.size() != 7 || std::sscanf(hex.c_str(), "#%02x%02x%02x", &r, &g, &b) != 3) return hex;
  auto mix = [&](unsigned c) { return static_cast<unsigned>(std::lround(c + (255.0 - c) * share)); };
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", mix(r), mix(g), mix(b));
  return out;
}

}  // namespace sujuva
