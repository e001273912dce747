#include "model/diagnostic.h"

#include <algorithm>

namespace sujuva {

std::string Diagnostic::format(Lang lang) const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  out += ": ";
  if (severity == Severity::warning) out += say(lang, "varoitus: ", "varning: ", "warning: ");
  out += message;
  if (!route.empty()) {
    out += say(lang, "\n    reitti: ", "\n    rutt: ", "\n    route: ");
    for (size_t i = 0; i < route.size(); ++i) out += (i ? " -> " : "") + route[i];
  }
  if (!source_line.empty() && line > 0) {
    const std::string number = std::to_string(line);
    out += "\n    " + number + " | " + source_line;
    if (column > 0) {
      // Under the column: tabs stay tabs so that the caret lines up however wide they show.
      std::string under;
      int points = 0;
      for (size_t i = 0; i < source_line.size() && points < column - 1; ++i) {
        const unsigned char c = static_cast<unsigned char>(source_line[i]);
        if ((c & 0xC0) == 0x80) continue;
        under += c == '\t' ? '\t' : ' ';
        ++points;
      }
      out += "\n    " + std::string(number.size(), ' ') + " | " + under + "^";
    }
  }
  return out;
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

int count_errors(const Diagnostics& diagnostics, DiagnosticKind kind) {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(), [kind](const Diagnostic& d) {
    return d.severity == Severity::error && d.kind == kind;
  }));
}

const char* to_string(DiagnosticKind kind) { return kind == DiagnosticKind::service ? "service" : "model"; }

namespace {
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean_hint(const std::string& suggestion, Lang lang) {
  if (suggestion.empty()) return "";
  return say(lang, " (tarkoititko \"", " (menade du \"", " (did you mean \"") + suggestion + "\"?)";
}

}  // namespace sujuva
