// The sections of one model's report and what they share: its inputs and its words and numbers (internal to report).
#pragma once

#include <optional>
#include <string>

#include "report/document.h"
#include "report/report.h"

namespace sujuva::report {

// One report's inputs and the formatting its sections share.
struct Context {
  const ReportInputs& in;
  const Process& p;
  const Analysis* a;  // null when the model could not be analysed
  Lang lang;

  std::string role_label(const std::string& id) const;  // one line, or the id
  std::string step_label(const std::string& id) const;
  std::string num(double x, int decimals) const;
  std::string pct(std::optional<double> x) const;    // "-" when empty
  // Durations by text/duration.h's rule with a short unit: "0,2 tp", "36,0 vk", "–" when empty.
  std::string weeks(std::optional<double> w) const;
  std::string wait_text(double weeks) const;  // the same, for a wait
  std::string class_name(const std::string& cls) const;
  // Who `requires=` asks for, in words (text/glossary.h requirement_term).
  std::string required_label(const std::string& role_or_qualification) const;
  // A utilisation's heat colour; a role that cannot keep up gets the last (darkest) one.
  // None for an unknown utilisation of a role that keeps up.
  std::optional<Shade> utilisation_shade(std::optional<double> utilisation, bool keeps_up) const;
};


Block paragraph(std::string text);
// Shades a cell of the table's last row, if there is a shade.
void shade_last_row(Block& table, std::size_t column, const std::optional<Shade>& shade);

Section summary_section(const Context& ctx);      // summary.cpp
Section roles_section(const Context& ctx);        // roles_section.cpp
Section checkpoints_section(const Context& ctx);  // checkpoints_section.cpp
Section findings_section(const Context& ctx);     // findings_section.cpp
// The summary's opening: each rule the service breaks, in plain words, with the share of the
// clients it concerns (from the analysis) and its legal basis (findings_section.cpp).
std::vector<std::string> service_sentences(const Context& ctx);
Section sensitivity_section(const Context& ctx);  // sensitivity_section.cpp
Section charts_section(const Context& ctx);       // charts_section.cpp
Section steps_section(const Context& ctx);        // steps_section.cpp
Section assumptions_section(const Context& ctx);  // assumptions_section.cpp

}  // namespace sujuva::report
