#include "io/messages.h"

#include <sstream>

#include "io/graphviz_attributes.h"
#include "model/units.h"

namespace sujuva::io::detail {

std::string Messages::hint(const std::string& suggestion, const std::string& otherwise) const {
  return suggestion.empty() ? otherwise : did_you_mean_hint(suggestion, lang_);
}

std::optional<double> Messages::number_in(const std::string& value, double low, double high, bool high_open, int line,
                                          const std::string& what, bool share) {
  auto number = share ? parse_share(value, lang_) : parse_number(value, lang_);
  if (!number) {
    error("number", line, what + ": " + number.error);
    return std::nullopt;
  }
  double x = *number.value;
  if (x < low || x > high || (high_open && x == high)) {
    std::ostringstream range;
    range << low << (high_open ? ", " : say("–", " och ", " and ")) << high;
    const std::string bounds = high_open ? "[" + range.str() + ")" : range.str();
    error("range", line,
          what +
              (high_open ? say(" pitää olla välillä ", " ska ligga i ", " must be in ")
                         : say(" pitää olla ", " ska ligga mellan ", " must be between ")) +
              bounds + say(", ei ", ", inte ", ", not ") + value);
    return std::nullopt;
  }
  return x;
}

void Messages::unknown_attribute(const std::string& what, const std::string& name,
                                 const std::vector<std::string>& known, int line) {
  std::string suggestion = did_you_mean(name, known);
  warning("unknown-attribute", line,
          what + say(": tuntematon määrite \"", ": okänt attribut \"", ": unknown attribute \"") + name + "\"" +
              hint(suggestion, say(" (jätetään huomiotta)", " (ignoreras)", " (ignored)")));
}

void Messages::warn_unknown(const Attributes& values, const std::vector<std::string>& known, int line,
                            const std::string& what) {
  for (const auto& [name, value] : values)
    if (!is_one_of(name, known) && !is_graphviz_attribute(name))
      unknown_attribute(what, std::string(name), known, line);
}

}  // namespace sujuva::io::detail
