// Findings and errors that point at a place in a model file (`file:line: message`).
#pragma once

#include <string>
#include <vector>

#include "model/lang.h"

namespace sujuva {

enum class Severity { error, warning };

// What a finding is about. `model`: the model itself is wrong or suspicious (syntax, structure,
// routing, staffing), so its figures cannot be trusted. `service`: the model is sound, and the
// service as modelled breaks a rule (clients in need of special support who never meet a social
// worker, a mandatory assessment that can be skipped, a deadline no client can meet); that is the
// point of a current-state model, not a mistake in it, and every command still runs.
enum class DiagnosticKind { model, service };

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
  DiagnosticKind kind = DiagnosticKind::model;
  // The legal basis of a service finding in the finding's language (the model's own `basis`, or the
  // rule's default); "" when none applies. The message quotes it too; this is for the report.
  std::string basis = {};
  // Where on the line, for a mistake in the text itself (a syntax error): the 1-based column in
  // code points and the line as written; 0 and "" otherwise.
  int column = 0;
  std::string source_line = {};

  // "file:line: message" (or "file: message" without a line, "file:line:column: message" with a
  // column), "warning:" and "route:" in `lang`; with a source line, the line and a caret under
  // the column below it:
  //   t.dot:2:18: …
  //       2 |   a -> b [p=0.5 q=];
  //         |                  ^
  std::string format(Lang lang = Lang::en) const;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
// Errors of one kind: service findings that break a rule, or model errors.
int count_errors(const Diagnostics& diagnostics, DiagnosticKind kind);
const char* to_string(DiagnosticKind kind);  // "model", "service"

// Closest candidate by edit distance, or "" if none is close enough to suggest.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);
// ` (did you mean "x"?)` in `lang` for a suggestion from did_you_mean, "" for none.
std::string did_you_mean_hint(const std::string& suggestion, Lang lang = Lang::en);

}  // namespace sujuva
