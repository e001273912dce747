// Findings and errors that point at a place in a model file (`file:line: message`).
#pragma once

#include <string>
#include <vector>

#include "model/lang.h"

namespace sujuva {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  int line = 0;  // 1-based; 0 when no line applies (e.g. a missing file)
  std::string message;
  std::vector<std::string> route;  // step ids that prove the finding, if any
  // A stable name of the check behind a finding (e.g. "mandatory-checkpoint", "syntax"), so that
  // programs need not read the message, which is in the user's language. processes/README.md, "What `sujuva check`
  // checks".
  std::string rule = {};

  // "file:line: message" (or "file: message" without a line), "warning:" and "route:" in `lang`.
  std::string format(Lang lang = Lang::en) const;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);

// Closest candidate by edit distance, or "" if none is close enough to suggest.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);
// ` (did you mean "x"?)` in `lang` for a suggestion from did_you_mean, "" for none.
std::string did_you_mean_hint(const std::string& suggestion, Lang lang = Lang::en);

}  // namespace sujuva
