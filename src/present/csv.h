// CSV text for Excel in Finnish, Swedish and English: UTF-8 with BOM and ';' under fi/sv, ',' under en.
//
//   CsvText csv(Lang::fi);
//   csv.field("id");
//   csv.number(0.5);  // "0,5"
//   csv.end_row();
//   std::string text = csv.take();
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/process.h"

namespace sujuva {

// Written field by field: a million rows as vectors of strings would take most of the time.
class CsvText {
 public:
  explicit CsvText(Lang lang);

  void field(std::string_view value);  // escaped as escape_csv does
  // Plain digits (%.6g, no grouping), decimal comma for fi/sv; empty when undefined.
  void number(std::optional<double> x);
  void row(const std::vector<std::string>& fields);
  void end_row();
  std::string take() { return std::move(text_); }

 private:
  Lang lang_;
  char separator_;
  std::string text_;
  bool first_ = true;
};

// A number as CsvText writes it ("" when undefined or not finite).
std::string csv_number(std::optional<double> x, Lang lang);

}  // namespace sujuva
