// The words and numbers the report's sections share.
#include "model/label_text.h"
#include "render/palette.h"
#include "report/sections.h"
#include "text/duration.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva::report {

Block paragraph(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

std::string Context::role_label(const std::string& id) const { return sujuva::role_label(p, id, lang); }
std::string Context::step_label(const std::string& id) const { return sujuva::step_label(p, id, lang); }
std::string Context::num(double x, int decimals) const { return format_decimal(x, decimals, lang); }
std::string Context::pct(std::optional<double> x) const { return x ? format_percent(*x, lang) : "-"; }

std::string Context::weeks(std::optional<double> w) const {
  return format_duration(w, p.calendar.working_days_per_week(), lang, DurationStyle::unit);
}

std::string Context::wait_text(double w) const { return weeks(w); }

std::string Context::class_name(const std::string& c) const { return class_term(c, lang, p.terms); }

std::string Context::required_label(const std::string& role_or_qualification) const {
  return requirement_term(p, role_or_qualification, lang);
}

std::optional<Shade> Context::utilisation_shade(std::optional<double> utilisation, bool keeps_up) const {
  if (!utilisation && keeps_up) return std::nullopt;
  HeatScale scale = utilisation_scale(lang);
  int bin = keeps_up ? scale.bin(*utilisation) : scale.size() - 1;
  return Shade{scale.fill(bin), scale.ink(bin)};
}

void shade_last_row(Block& table, std::size_t column, const std::optional<Shade>& shade) {
  if (shade && table.table.rows() > 0) table.shades[{table.table.rows() - 1, column}] = *shade;
}

}  // namespace sujuva::report
