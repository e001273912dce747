// The DOT reader's diagnostics, worded in the reader's language; private to io.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/attributes.h"
#include "model/diagnostic.h"
#include "model/lang.h"

namespace sujuva::io::detail {

class Messages {
 public:
  Messages(std::string file, Lang lang, Diagnostics& diagnostics)
      : file_(std::move(file)), lang_(lang), diagnostics_(diagnostics) {}

  const std::string& file() const { return file_; }
  Lang lang() const { return lang_; }

  // `rule`: the diagnostic's stable name (processes/README.md, "What `sujuva check` checks").
  void error(const char* rule, int line, const std::string& message) {
    diagnostics_.push_back({Severity::error, file_, line, message, {}, rule});
  }
  // An error at a place in the text: `column` is 1-based in code points of `source_line`.
  void error_at(const char* rule, int line, int column, std::string source_line, const std::string& message) {
    error(rule, line, message);
    diagnostics_.back().column = column;
    diagnostics_.back().source_line = std::move(source_line);
  }
  void warning(const char* rule, int line, const std::string& message) {
    diagnostics_.push_back({Severity::warning, file_, line, message, {}, rule});
  }

  std::string say(std::string fi, std::string sv, std::string en) const {
    return sujuva::say(lang_, std::move(fi), std::move(sv), std::move(en));
  }
  // `(did you mean "x"?)`, or `otherwise` when there is no suggestion.
  std::string hint(const std::string& suggestion, const std::string& otherwise = "") const;

  // What a message is about: `node "x"`, `role x`, `route a -> b`.
  std::string node_where(const std::string& id) const { return say("vaihe \"", "steget \"", "node \"") + id + "\""; }
  std::string role_where(const std::string& id) const { return say("rooli ", "rollen ", "role ") + id; }
  std::string route_where(const std::string& from, const std::string& to) const {
    return say("reitti ", "rutt ", "route ") + from + " -> " + to;
  }

  // The number in `value` if it lies in [low, high] ([low, high) when `high_open`); else an
  // error about `what` on `line` and nullopt. A `share` may also be written as a per cent ("15 %").
  std::optional<double> number_in(const std::string& value, double low, double high, bool high_open, int line,
                                  const std::string& what, bool share = false);
  // Warns that `what` sets `name`, which sujuva does not know, with a suggestion from `known`.
  void unknown_attribute(const std::string& what, const std::string& name, const std::vector<std::string>& known,
                         int line);
  // Warns about each attribute in `values` that is neither in `known` nor one of Graphviz's.
  void warn_unknown(const Attributes& values, const std::vector<std::string>& known, int line, const std::string& what);

 private:
  std::string file_;
  Lang lang_;
  Diagnostics& diagnostics_;
};

}  // namespace sujuva::io::detail
