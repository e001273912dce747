#include "present/csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text/format.h"

namespace sujuva {

namespace {

void append_number(std::string& out, std::optional<double> x, Lang lang) {
  if (!x || !std::isfinite(*x)) return;
  char digits[64];
  auto written = std::to_chars(digits, digits + sizeof digits, *x, std::chars_format::general, 6);
  if (lang != Lang::en) std::replace(digits, written.ptr, '.', ',');
  out.append(digits, written.ptr);
}

}  // namespace

CsvText::CsvText(Lang lang) : lang_(lang), separator_(lang == Lang::en ? ',' : ';') {
  if (lang != Lang::en) text_ = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
}

void CsvText::field(std::string_view value) {
  if (!first_) text_ += separator_;
  first_ = false;
  append_csv(text_, value, separator_);
}

void CsvText::number(std::optional<double> x) {
  if (!first_) text_ += separator_;
  first_ = false;
  append_number(text_, x, lang_);
}

void CsvText::row(const std::vector<std::string>& fields) {
  for (const auto& f : fields) field(f);
  end_row();
}

void CsvText::end_row() {
  text_ += "\r\n";
  first_ = true;
}

std::string csv_number(std::optional<double> x, Lang lang) {
  std::string out;
  append_number(out, x, lang);
  return out;
}

}  // namespace sujuva
