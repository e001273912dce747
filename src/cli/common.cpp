#include "cli/common.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>

#include "model/diagnostic.h"
#include "render/graphviz.h"
#include "text/format.h"

namespace sujuva::cli {

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// CLI11's headings and value types in the language of the arguments; set after every option is added.
void localize_help(CLI::App& app, Lang lang) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", say(lang, "Käyttö", "Användning", "Usage"));
  formatter->label("OPTIONS", say(lang, "VALINNAT", "FLAGGOR", "OPTIONS"));
  formatter->label("REQUIRED", say(lang, "PAKOLLINEN", "OBLIGATORISK", "REQUIRED"));
  formatter->label("Positionals", say(lang, "Tiedostot", "Filer", "Positionals"));
  if (auto* help = app.get_help_ptr())
    help->description(say(lang, "näyttää tämän ohjeen", "visar den här hjälpen", "Print this help message and exit"));
  for (CLI::Option* option : app.get_options()) {
    if (option->get_group() == "Options") option->group(say(lang, "Valinnat", "Flaggor", "Options"));
    // CLI11 shows the type followed by the validators' choices (`TEXT:{fi,sv,en}`), which it adds itself.
    const std::string shown = option->get_type_name();
    const std::string type = shown.substr(0, shown.find(':'));
    std::string word = type;
    if (type == "TEXT") word = say(lang, "TEKSTI", "TEXT", "TEXT");
    if (type == "INT" || type == "UINT") word = say(lang, "KOKONAISLUKU", "HELTAL", type.c_str());
    if (type == "FLOAT") word = say(lang, "LUKU", "TAL", "FLOAT");
    if (word != type) option->type_name(word);
  }
}

// A CLI11 usage error in the language of the arguments. CLI11 words its errors in English only,
// so the few kinds a user meets are recognised by their wording; our own validators' messages
// (--lang) are already translated and pass as they are.
std::string usage_error(const CLI::App& app, const CLI::ParseError& e, Lang lang) {
  const std::string what = e.what();
  if (lang == Lang::en) return what;
  const std::string required = " is required";
  if (ends_with(what, required)) {
    const std::string name = what.substr(0, what.size() - required.size());
    return name + say(lang, " puuttuu", " saknas", "");
  }
  const std::string extras = "The following arguments were not expected: ",
                    extra = "The following argument was not expected: ";
  if (starts_with(what, extras) || starts_with(what, extra)) {
    const std::string rest = what.substr(starts_with(what, extras) ? extras.size() : extra.size());
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
      for (const auto& n : option->get_lnames()) names.push_back("--" + n);
      for (const auto& n : option->get_snames()) names.push_back("-" + n);
    }
    const std::string first = rest.substr(0, rest.find(' '));
    const std::string hint = starts_with(first, "-") ? did_you_mean_hint(did_you_mean(first, names), lang) : "";
    return say(lang, "tuntematon valinta tai ylimääräinen tiedosto: ", "okänd flagga eller extra fil: ", "") + rest +
           hint;
  }
  const std::string convert = "Could not convert: ";
  if (starts_with(what, convert)) {
    const std::string rest = what.substr(convert.size());
    const auto eq = rest.find(" = ");
    if (eq != std::string::npos)
      return rest.substr(0, eq) + say(lang, ": arvo \"", ": värdet \"", "") + rest.substr(eq + 3) +
             say(lang, "\" ei ole luku", "\" är inget tal", "");
  }
  const auto missing = what.find(" required ");
  if (missing != std::string::npos && ends_with(what, " missing") && what.find(':') < missing)
    return what.substr(0, what.find(':')) + say(lang, ": arvo puuttuu", ": värdet saknas", "");
  return what;
}

}  // namespace

std::optional<int> parse_arguments(CLI::App& app, const Args& args, std::ostream& out, std::ostream& err) {
  const Lang lang = args_lang(args);
  localize_help(app, lang);
  // CLI11 wants the arguments in reverse order.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    // CLI::Range describes itself in English ("INT in [0 - 100000]"): the bounds are what matters.
    static const std::regex range(R"(:(?:INT|UINT|FLOAT) in \[([^ \]]+) - ([^ \]]+)\])");
    out << std::regex_replace(app.help(), range, ":$1–$2");
    return kOk;
  } catch (const CLI::ParseError& e) {
    err << app.get_name() << ": " << usage_error(app, e, lang) << "\n"
        << say(lang, "katso '", "se '", "see '") << app.get_name() << " --help'\n";
    return kUnusable;
  }
  return std::nullopt;
}

Lang args_lang(const Args& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string code;
    if (args[i] == "--lang" && i + 1 < args.size()) code = args[i + 1];
    if (starts_with(args[i], "--lang=")) code = args[i].substr(7);
    if (auto lang = parse_lang(code)) return *lang;
  }
  return default_lang();
}

Lang default_lang() {
  const char* code = std::getenv("SUJUVA_LANG");
  if (code && *code)
    if (auto lang = parse_lang(code)) return *lang;
  return Lang::fi;
}

CLI::Option* add_lang_option(CLI::App& app, Lang& lang, const std::string& description, LangHelp help) {
  lang = default_lang();
  CLI::Validator known(
      [](std::string& code) {
        return parse_lang(code) ? std::string()
                                : say(default_lang(), "pitää olla fi, sv tai en, ei \"",
                                      "ska vara fi, sv eller en, inte \"", "must be fi, sv or en, not \"") +
                                      code + "\"";
      },
      help == LangHelp::choices ? "{fi,sv,en}" : "");
  CLI::Option* option = app.add_option_function<std::string>(
                               "--lang", [&lang](const std::string& code) { lang = *parse_lang(code); }, description)
                            ->check(known);
  if (help == LangHelp::default_value) option->default_str(lang_code(lang));
  return option;
}

void add_wide_option(CLI::App& app, bool& wide, Lang help) {
  app.add_flag("--wide", wide,
               say(help, "taulukoiden kaikki sarakkeet ja koko nimet, rivit niin pitkinä kuin ne tulevat",
                   "alla kolumner och hela namn i tabellerna, rader så långa som de blir",
                   "every column and whole names in tables, lines as long as they come"));
}

TextFit text_fit(bool wide) {
  if (wide) return {.width = 0, .wide = true};
  size_t width = 100;
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40) width = size.ws_col;
  return {.width = width, .wide = false};
}

std::string unusable_file(const std::string& file, Lang lang) {
  return file + say(lang, ": ei käyttökelpoinen", ": kan inte användas", ": cannot be used");
}

std::string unknown_diagram_format(const std::string& path, Lang lang) {
  return path + say(lang, ": tuntematon muoto; anna tiedostonimi, joka päättyy .svg, .png, .pdf tai .dot",
                    ": okänt format; ange ett filnamn som slutar på .svg, .png, .pdf eller .dot",
                    ": unknown format; use a file name ending in .svg, .png, .pdf or .dot");
}

bool writes_over_input(const std::string& command, const std::string& option, const std::string& output,
                       const std::vector<std::string>& inputs, Lang lang, std::ostream& err) {
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!std::filesystem::equivalent(output, input, ec) || ec) continue;
    err << "sujuva " << command << ": " << option << " " << output
        << fmt::format(fmt::runtime(say(lang, " on sama tiedosto kuin {}, jota komento lukee; anna toinen nimi",
                                        " är samma fil som {}, som kommandot läser; ange ett annat namn",
                                        " is the same file as {}, which the command reads; give another name")),
                       input)
        << "\n";
    return true;
  }
  return false;
}

std::string error_text(const std::exception& error, Lang lang) {
  if (const auto* timeout = dynamic_cast<const RenderTimeout*>(&error))
    return fmt::format(fmt::runtime(say(lang,
                                        "kaavion asettelu keskeytettiin {} sekunnin jälkeen (raja: SUJUVA_RENDER_SECONDS); "
                                        "näin suuri malli kannattaa piirtää osina",
                                        "diagrammets layout avbröts efter {} sekunder (gräns: SUJUVA_RENDER_SECONDS); "
                                        "en så stor modell ritas bäst i delar",
                                        "the diagram's layout was stopped after {} seconds (limit: SUJUVA_RENDER_SECONDS); "
                                        "draw a model this large in parts")),
                       format_decimal(timeout->seconds, 0, lang));
  return error.what();
}

}  // namespace sujuva::cli
