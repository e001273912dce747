#include "report/chart.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "model/label_text.h"
#include "render/diagram.h"
#include "text/format.h"

namespace sujuva {

std::vector<double> nice_ticks(double low, double high, int target) {
  if (!std::isfinite(low) || !std::isfinite(high)) low = 0, high = 1;
  low = std::min(low, 0.0);
  if (high <= low) high = low + 1;
  double raw = (high - low) / std::max(target, 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  std::vector<double> ticks;
  double first = std::floor(low / step) * step;
  for (int i = 0; first + i * step < high + step * 0.999 && i < 100; ++i) {
    double t = first + i * step;
    if (std::fabs(t) < step * 1e-9) t = 0;  // no "-0"
    ticks.push_back(t);
    if (t >= high - step * 1e-9) break;
  }
  return ticks;
}

namespace {

constexpr const char* kFont = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\"";

std::string num(double x) {
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << (std::fabs(x) < 0.05 ? 0.0 : x);
  return s.str();
}

// Decimals that show a tick step exactly (0.25 -> 2, 5 -> 0).
int decimals_for(double step) {
  for (int d = 0; d < 4; ++d)
    if (std::fabs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) < 1e-6) return d;
  return 4;
}

std::string tick_text(double value, double step, bool percent, Lang lang) {
  if (percent) return format_percent(value, lang, std::max(0, decimals_for(step * 100)));
  return format_decimal(value, decimals_for(step), lang);
}

// Long labels are cut to `width` characters with an ellipsis (UTF-8 aware).
std::string shorten(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] & 0xC0) == 0x80) continue;
    if (++chars > width) return text.substr(0, i) + "…";
  }
  return text;
}

void open_svg(std::ostringstream& s, int width, int height, const std::string& title) {
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " << width << " " << height
    << "\" width=\"" << width << "\" height=\"" << height << "\" role=\"img\" aria-label=\"" << escape_html(title)
    << "\" " << kFont << " font-size=\"12\">";
  s << "<title>" << escape_html(title) << "</title>";
  s << "<text x=\"0\" y=\"16\" font-size=\"15\" font-weight=\"bold\">" << escape_html(title) << "</text>";
}

}  // namespace

const std::string& series_colour(std::size_t index) {
  static const std::vector<std::string> colours{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                "#E69F00", "#56B4E9", "#000000", "#F0E442"};
  return colours[index % colours.size()];
}

std::string bar_chart_svg(const BarChart& c) {
  const int width = 760, label_width = 290, value_space = 70, row = 28, top = 32;
  const int plot_left = label_width + 10, plot_right = width - value_space;
  const int plot_height = static_cast<int>(c.bars.size()) * row;
  const int height = top + plot_height + 52;
  double high = c.reference.value_or(0);
  for (const auto& b : c.bars)
    if (b.value && std::isfinite(*b.value)) high = std::max(high, *b.value);
  // Headroom beyond the longest bar (or the reference line) for its value text.
  auto ticks = nice_ticks(0, high > 0 ? high * 1.08 : 1, 6);
  double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1, top_value = ticks.back();
  auto x_of = [&](double v) {
    return plot_left + (plot_right - plot_left) * std::clamp(v, 0.0, top_value) / top_value;
  };

  std::ostringstream s;
  open_svg(s, width, height, c.title);
  int axis_y = top + plot_height;
  for (double t : ticks) {
    double x = x_of(t);
    s << "<line x1=\"" << num(x) << "\" y1=\"" << top << "\" x2=\"" << num(x) << "\" y2=\"" << axis_y
      << "\" stroke=\"#d9d9d9\"/>";
    s << "<text x=\"" << num(x) << "\" y=\"" << axis_y + 16 << "\" text-anchor=\"middle\">"
      << escape_html(tick_text(t, step, c.percent, c.lang)) << "</text>";
  }
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const Bar& b = c.bars[i];
    int y = top + static_cast<int>(i) * row;
    s << "<text x=\"" << label_width << "\" y=\"" << y + row / 2 + 4 << "\" text-anchor=\"end\"><title>"
      << escape_html(b.label) << "</title>" << escape_html(shorten(b.label, 44)) << "</text>";
    bool known = b.value && std::isfinite(*b.value);
    double v = known ? *b.value : 0;
    double x = x_of(v);
    if (known)
      s << "<rect x=\"" << plot_left << "\" y=\"" << y + 4 << "\" width=\"" << num(x - plot_left) << "\" height=\""
        << row - 8 << "\" fill=\"" << escape_html(b.fill) << "\" stroke=\"#636363\" stroke-width=\"0.5\"/>";
    std::string value_text = !known      ? "-"
                             : c.percent ? format_percent(v, c.lang)
                                         : format_decimal(v, std::fabs(v) < 10 ? 1 : 0, c.lang);
    s << "<text x=\"" << num(x + 4) << "\" y=\"" << y + row / 2 + 4 << "\">" << escape_html(value_text) << "</text>";
  }
  s << "<line x1=\"" << plot_left << "\" y1=\"" << axis_y << "\" x2=\"" << plot_right << "\" y2=\"" << axis_y
    << "\" stroke=\"#252525\"/>";
  s << "<line x1=\"" << plot_left << "\" y1=\"" << top << "\" x2=\"" << plot_left << "\" y2=\"" << axis_y
    << "\" stroke=\"#252525\"/>";
  if (c.reference) {
    double x = x_of(*c.reference);
    s << "<line x1=\"" << num(x) << "\" y1=\"" << top - 4 << "\" x2=\"" << num(x) << "\" y2=\"" << axis_y
      << "\" stroke=\"#b10026\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>";
    if (!c.reference_label.empty())
      s << "<text x=\"" << num(x - 4) << "\" y=\"" << top - 6 << "\" text-anchor=\"end\" fill=\"#b10026\">"
        << escape_html(c.reference_label) << "</text>";
  }
  s << "<text x=\"" << (plot_left + plot_right) / 2 << "\" y=\"" << axis_y + 36 << "\" text-anchor=\"middle\">"
    << escape_html(c.axis_label) << "</text>";
  s << "</svg>";
  return s.str();
}

std::string line_chart_svg(const LineChart& c) {
  const int width = 760, height = 380, left = 64, right = 240, top = 36, bottom = 56;
  const int plot_right = width - right, plot_bottom = height - bottom;
  double x_low = 0, x_high = 1, y_high = 0;
  if (!c.x.empty()) x_low = c.x.front(), x_high = std::max(c.x.back(), c.x.front() + 1);
  for (const auto& s : c.series)
    for (double v : s.values)
      if (std::isfinite(v)) y_high = std::max(y_high, v);
  auto x_ticks = nice_ticks(x_low, x_high, 8);
  auto y_ticks = nice_ticks(0, y_high > 0 ? y_high : 1, 5);
  // The x axis ends where the data ends (week 26 is not rounded up to 30).
  while (x_ticks.size() > 2 && x_ticks.back() > x_high + 1e-9) x_ticks.pop_back();
  double x_top = std::max(x_ticks.back(), x_high), x_bottom = x_ticks.front(), y_top = y_ticks.back();
  double x_step = x_ticks.size() > 1 ? x_ticks[1] - x_ticks[0] : 1;
  double y_step = y_ticks.size() > 1 ? y_ticks[1] - y_ticks[0] : 1;
  auto px = [&](double x) { return left + (plot_right - left) * (x - x_bottom) / (x_top - x_bottom); };
  auto py = [&](double y) { return plot_bottom - (plot_bottom - top) * std::clamp(y, 0.0, y_top) / y_top; };

  std::ostringstream s;
  open_svg(s, width, height, c.title);
  for (double t : y_ticks) {
    s << "<line x1=\"" << left << "\" y1=\"" << num(py(t)) << "\" x2=\"" << plot_right << "\" y2=\"" << num(py(t))
      << "\" stroke=\"#d9d9d9\"/>";
    s << "<text x=\"" << left - 6 << "\" y=\"" << num(py(t) + 4) << "\" text-anchor=\"end\">"
      << escape_html(tick_text(t, y_step, false, c.lang)) << "</text>";
  }
  for (double t : x_ticks)
    s << "<text x=\"" << num(px(t)) << "\" y=\"" << plot_bottom + 16 << "\" text-anchor=\"middle\">"
      << escape_html(tick_text(t, x_step, false, c.lang)) << "</text>";
  s << "<polyline points=\"" << left << "," << top << " " << left << "," << plot_bottom << " " << plot_right << ","
    << plot_bottom << "\" fill=\"none\" stroke=\"#252525\"/>";
  static const char* dashes[] = {"", "6,3", "2,2", "8,3,2,3"};
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const auto& series = c.series[i];
    // A non-finite value breaks the line rather than drawing a wrong point.
    std::vector<std::string> runs(1);
    for (std::size_t k = 0; k < series.values.size() && k < c.x.size(); ++k) {
      if (!std::isfinite(series.values[k]) || !std::isfinite(c.x[k])) {
        if (!runs.back().empty()) runs.emplace_back();
        continue;
      }
      runs.back() += (runs.back().empty() ? "" : " ") + num(px(c.x[k])) + "," + num(py(series.values[k]));
    }
    for (const auto& points : runs)
      if (!points.empty())
        s << "<polyline points=\"" << points << "\" fill=\"none\" stroke=\"" << series_colour(i)
          << "\" stroke-width=\"2\""
          << (*dashes[i % 4] ? std::string(" stroke-dasharray=\"") + dashes[i % 4] + "\"" : "") << "/>";
    int ly = top + 8 + static_cast<int>(i) * 36;
    s << "<line x1=\"" << plot_right + 12 << "\" y1=\"" << ly << "\" x2=\"" << plot_right + 36 << "\" y2=\"" << ly
      << "\" stroke=\"" << series_colour(i) << "\" stroke-width=\"2\""
      << (*dashes[i % 4] ? std::string(" stroke-dasharray=\"") + dashes[i % 4] + "\"" : "") << "/>";
    // Names wrap onto two lines: role names often differ only at the end.
    auto lines = wrap_label(series.name, 28);
    s << "<text x=\"" << plot_right + 40 << "\" y=\"" << ly + 4 << "\"><title>" << escape_html(series.name)
      << "</title>";
    for (std::size_t k = 0; k < lines.size() && k < 2; ++k)
      s << "<tspan x=\"" << plot_right + 40 << "\" dy=\"" << (k ? 14 : 0) << "\">"
        << escape_html(k == 1 && lines.size() > 2 ? shorten(lines[1] + " " + lines[2], 27) : lines[k]) << "</tspan>";
    s << "</text>";
  }
  s << "<text x=\"" << (left + plot_right) / 2 << "\" y=\"" << height - 14 << "\" text-anchor=\"middle\">"
    << escape_html(c.x_label) << "</text>";
  s << "<text transform=\"translate(14," << (top + plot_bottom) / 2 << ") rotate(-90)\" text-anchor=\"middle\">"
    << escape_html(c.y_label) << "</text>";
  s << "</svg>";
  return s.str();
}

}  // namespace sujuva
