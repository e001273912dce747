#include "model/timeline.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace sujuva {

namespace {

Diagnostic error_at(const std::string& file, int line, std::string message) {
  return {Severity::error, file, line, std::move(message), {}, "timeline"};
}

// A line split into fields as CSV (RFC 4180): a field in double quotes may hold the separator
// ("gamma(mean=2h, cv=0.5)", as Excel writes it) and "" for a quote; outside quotes `#` starts a
// comment to the end of the line. Excel under fi/sv writes ';' between fields and a decimal comma
// ("10;sw.fte;2,5"): the separator is whichever of ',' and ';' comes first outside quotes.
struct Fields {
  std::vector<std::string> values;
  char separator = ',';
  bool unterminated = false;  // a quote opened and never closed
};

Fields split_fields(const std::string& line) {
  Fields fields;
  bool quoted = false, chosen = false;
  std::string field;
  auto finish = [&] {
    fields.values.emplace_back(detail::trim(field));
    field.clear();
  };
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c != '"')
        field += c;
      else if (i + 1 < line.size() && line[i + 1] == '"')
        field += '"', ++i;
      else
        quoted = false;
    } else if (c == '"' && detail::trim(field).empty()) {
      field.clear();
      quoted = true;
    } else if (c == '#') {
      break;
    } else if ((c == ',' || c == ';') && (!chosen || c == fields.separator)) {
      fields.separator = c, chosen = true;
      finish();
    } else {
      field += c;
    }
  }
  fields.unterminated = quoted;
  if (!fields.values.empty() || !detail::trim(field).empty()) finish();
  return fields;
}

std::string decimal_point(std::string value) {
  size_t digits = 0, commas = 0;
  for (char c : value) digits += std::isdigit(static_cast<unsigned char>(c)) != 0, commas += c == ',';
  bool numeric =
      commas == 1 &&
      digits + commas + (value.size() && std::string("x*+-").find(value[0]) != std::string::npos) == value.size();
  if (numeric) std::replace(value.begin(), value.end(), ',', '.');
  return value;
}

}  // namespace

TimelineRead read_timeline_text(std::string_view text, const std::string& file_name, Lang lang) {
  TimelineRead result;
  Timeline timeline;
  timeline.file = file_name;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a BOM from Excel
  std::istringstream in{std::string(text)};
  std::string raw;
  int line = 0;
  bool first = true;
  while (std::getline(in, raw)) {
    ++line;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    Fields split = split_fields(raw);
    std::vector<std::string>& fields = split.values;
    if (fields.empty()) continue;  // blank or a comment
    // The header as written in any of the three languages (a Finnish team writes "viikko").
    bool header = first && (fields[0] == "week" || fields[0] == "viikko" || fields[0] == "vecka");
    first = false;
    if (header) continue;
    if (split.unterminated) {
      result.diagnostics.push_back(error_at(
          file_name, line,
          say(lang, "lainausmerkki \" jää sulkematta", "citattecknet \" stängs aldrig", "a quote \" is never closed")));
      continue;
    }
    if (fields.size() != 3) {
      // The usual cause of a fourth field: a value with the separator in it, left unquoted.
      bool hint = fields.size() > 3 && fields[2].find('(') != std::string::npos;
      result.diagnostics.push_back(
          error_at(file_name, line,
                   say(lang, "odotettiin 3 kenttää week,target,value (esimerkiksi 10,sw.fte,2.5), löytyi ",
                       "förväntade 3 fält week,target,value (till exempel 10,sw.fte,2.5), hittade ",
                       "expected 3 fields week,target,value (e.g. 10,sw.fte,2.5), found ") +
                       std::to_string(fields.size()) +
                       (hint ? say(lang, " (pilkun sisältävä arvo lainausmerkkeihin: \"gamma(mean=2h, cv=0.5)\")",
                                   " (ett värde med kommatecken inom citattecken: \"gamma(mean=2h, cv=0.5)\")",
                                   " (put a value with a comma in quotes: \"gamma(mean=2h, cv=0.5)\")")
                             : "")));
      continue;
    }
    if (split.separator == ';') fields[0] = decimal_point(fields[0]), fields[2] = decimal_point(fields[2]);
    auto week = parse_number(fields[0]);
    if (!week || *week.value < 0) {
      result.diagnostics.push_back(error_at(file_name, line,
                                            "week \"" + fields[0] +
                                                say(lang, "\" pitää olla viikkojen määrä alusta, 0 tai enemmän",
                                                    "\" ska vara ett antal veckor från början, 0 eller fler",
                                                    "\" must be a number of weeks from the start, 0 or more")));
      continue;
    }
    auto change = make_override(fields[1], fields[2], lang);
    if (!change) {
      result.diagnostics.push_back(error_at(file_name, line, change.error));
      continue;
    }
    timeline.changes.push_back({*week.value, *change.value, line});
  }
  if (timeline.changes.empty() && result.diagnostics.empty())
    result.diagnostics.push_back(
        error_at(file_name, 0,
                 say(lang, "aikajana on tyhjä: odotettiin rivejä week,target,value (esimerkiksi 10,sw.fte,2.5)",
                     "tidslinjen är tom: förväntade rader week,target,value (till exempel 10,sw.fte,2.5)",
                     "the timeline is empty: expected lines week,target,value (e.g. 10,sw.fte,2.5)")));
  if (!result.diagnostics.empty()) return result;
  std::stable_sort(timeline.changes.begin(), timeline.changes.end(),
                   [](const TimelineChange& a, const TimelineChange& b) { return a.week < b.week; });
  result.timeline = std::move(timeline);
  return result;
}

TimelineRead read_timeline_file(const std::string& path, Lang lang) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    TimelineRead result;
    result.diagnostics.push_back(error_at(path, 0,
                                          say(lang, "aikajanatiedostoa ei voi avata", "tidslinjefilen kan inte öppnas",
                                              "cannot open the timeline file")));
    return result;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return read_timeline_text(buffer.str(), path, lang);
}

Diagnostics validate_timeline(const Timeline& timeline, const Process& process, Lang lang) {
  Diagnostics problems;
  Process trial = process;
  for (const auto& c : timeline.changes)
    if (auto error = apply_override(trial, c.change, lang); !error.empty())
      problems.push_back(error_at(timeline.file, c.line, error));
  return problems;
}

void apply_timeline_until(const Timeline& timeline, double week, size_t& next, Process& process) {
  while (next < timeline.changes.size() && timeline.changes[next].week <= week) {
    apply_override(process, timeline.changes[next].change);  // validated before use
    ++next;
  }
}

}  // namespace sujuva
