// Small hand-written SVG charts for the report: horizontal bars and weekly lines, with axes, units and labels.
//
//   BarChart c{.title = "Käyttöaste", .axis_label = "% kapasiteetista", .lang = Lang::fi};
//   c.bars.push_back({"Sosiaalityöntekijät", 0.95, "#fc4e2a"});
//   c.reference = 1.0;  c.percent = true;
//   std::string svg = bar_chart_svg(c);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/process.h"

namespace sujuva {

struct Bar {
  std::string label;
  std::optional<double> value;  // none: drawn as "-" (e.g. no capacity)
  std::string fill = "#9ecae1";
};

struct BarChart {
  std::string title;
  std::string axis_label;  // the unit, under the value axis
  Lang lang = Lang::fi;
  std::vector<Bar> bars;
  bool percent = false;             // values are shares, axis in %
  std::optional<double> reference;  // a dashed vertical line (e.g. 100 % utilisation)
  std::string reference_label;
};

struct LineSeries {
  std::string name;
  std::vector<double> values;  // one per x
};

struct LineChart {
  std::string title;
  std::string x_label;  // e.g. "viikko"
  std::string y_label;  // e.g. "asiakkaita jonossa"
  Lang lang = Lang::fi;
  std::vector<double> x;
  std::vector<LineSeries> series;
};

std::string bar_chart_svg(const BarChart& chart);
std::string line_chart_svg(const LineChart& chart);

// Okabe–Ito colours, distinguishable with every common colour-vision deficiency.
const std::string& series_colour(std::size_t index);

// Round axis ticks ("nice numbers": steps of 1, 2 or 5 times a power of ten)
// from 0 (or below, if `low` is negative) up to at least `high`, about `target` of them.
std::vector<double> nice_ticks(double low, double high, int target);

}  // namespace sujuva
