#include "report/comparison_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "present/comparison_text.h"
#include "present/narrative.h"
#include "text/format.h"

namespace sujuva {

namespace {

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const char* series_color(size_t i) {
  static const char* colors[] = {"#999999", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};
  return colors[i % (sizeof colors / sizeof *colors)];
}

std::vector<std::string> role_ids(const Comparison& c) {
  std::vector<std::string> ids;
  for (const auto& m : c.models)
    for (const auto& r : m.roles)
      if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) ids.push_back(r.id);
  return ids;
}

// The key figures with each row's label as the row's header cell.
std::string kpi_html(const Comparison& c, Lang lang) {
  const Table t = kpi_table(c, lang);
  std::string out = "<table class=\"kpi\">\n<thead><tr>";
  for (const auto& h : t.header) out += "<th>" + escape_html(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (size_t row = 0; row < t.rows(); ++row) {
    out += "<tr><th scope=\"row\">" + escape_html(t.at(row, 0)) + "</th>";
    for (size_t column = 1; column < t.cells_in(row); ++column)
      out += "<td>" + escape_html(t.at(row, column)) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string utilisation_chart_svg(const Comparison& c, Lang lang) {
  const auto ids = role_ids(c);
  const double label_width = 300, plot_width = 380, bar = 14, gap = 12, top = 40;
  const size_t n = c.models.size();
  double max_u = 1.0;
  for (const auto& m : c.models)
    for (const auto& r : m.roles)
      if (r.utilisation && std::isfinite(*r.utilisation)) max_u = std::max(max_u, *r.utilisation);
  max_u = std::ceil(max_u * 4) / 4;  // axis to the next 25 %
  const double group = n * bar + gap;
  const double height = top + ids.size() * group + 30;
  const double width = label_width + plot_width + 60;
  auto x_of = [&](double u) { return label_width + plot_width * u / max_u; };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
      "<title>{2}</title>\n",
      width, height, escape_html(say(lang, "Käyttöaste rooleittain", "Beläggning per roll", "Utilisation by role")));
  // Legend: one swatch per model.
  double lx = label_width;
  for (size_t i = 0; i < n; ++i) {
    svg += fmt::format("<rect x=\"{:.0f}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{}\"/>", lx, series_color(i));
    const std::string title = column_titles(c, lang)[i];
    svg += fmt::format("<text x=\"{:.0f}\" y=\"18\">{}</text>\n", lx + 16, escape_html(title));
    lx += 24 + 7.0 * title.size();
  }
  // Axis: grid lines every 25 %, the 100 % line dashed.
  const double bottom = top + ids.size() * group;
  for (double u = 0; u <= max_u + 1e-9; u += 0.25) {
    bool full = std::fabs(u - 1) < 1e-9;
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.0f}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\" stroke=\"{3}\"{4}/>", x_of(u),
                       top - 4, bottom, full ? "#d7301f" : "#d9d9d9", full ? " stroke-dasharray=\"4 3\"" : "");
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.0f}\" text-anchor=\"middle\">{}</text>\n", x_of(u), bottom + 16,
                       escape_html(format_percent(u, lang)));
  }
  for (size_t g = 0; g < ids.size(); ++g) {
    double y = top + g * group;
    svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\" text-anchor=\"end\">{}</text>\n", label_width - 8,
                       y + n * bar / 2 + 4, escape_html(role_name(c, ids[g], lang)));
    for (size_t i = 0; i < n; ++i) {
      const RoleKpi* r = c.models[i].find_role(ids[g]);
      double yb = y + i * bar;
      if (!r || !r->utilisation || !std::isfinite(*r->utilisation)) {
        svg +=
            fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\" font-size=\"10\">-</text>\n", label_width + 4, yb + bar - 3);
        continue;
      }
      double u = *r->utilisation;
      svg += fmt::format("<rect x=\"{:.0f}\" y=\"{:.0f}\" width=\"{:.1f}\" height=\"{:.0f}\" fill=\"{}\"/>",
                         label_width, yb, std::max(0.0, x_of(u) - label_width), bar - 2, series_color(i));
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.0f}\" font-size=\"10\">{}</text>\n", x_of(u) + 4, yb + bar - 4,
                         escape_html(format_percent(u, lang)));
    }
  }
  return svg + "</svg>\n";
}

std::string comparison_html_section(const Comparison& c, Lang lang) {
  std::string out = "<section class=\"comparison\">\n<h2>";
  out += say(lang, "Ennen ja jälkeen", "Före och efter", "Before and after");
  out += "</h2>\n";
  const auto titles = column_titles(c, lang);
  for (size_t i = 1; i < c.models.size(); ++i) {
    if (c.models.size() > 2)
      out += "<h3>" + escape_html(titles[0]) + " → " + escape_html(titles[i]) + "</h3>\n";
    out += "<ul class=\"narrative\">\n";
    for (const auto& sentence : narrative(c, i, lang)) out += "<li>" + escape_html(sentence) + "</li>\n";
    out += "</ul>\n";
  }
  out += kpi_html(c, lang);
  out += "<figure class=\"chart\">\n" + utilisation_chart_svg(c, lang) + "<figcaption>";
  out += say(lang, "Käyttöaste rooleittain; katkoviiva = 100 %", "Beläggning per roll; streckad linje = 100 %",
              "Utilisation by role; dashed line = 100%");
  out += "</figcaption>\n</figure>\n</section>\n";
  return out;
}

}  // namespace sujuva
