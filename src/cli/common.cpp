#include "cli/common.h"

#include <algorithm>
#include <cstdlib>

#include "text/format.h"

namespace sujuva::cli {

std::optional<int> parse_arguments(CLI::App& app, const Args& args, std::ostream& out, std::ostream& err) {
  // CLI11 wants the arguments in reverse order.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kOk;
  } catch (const CLI::ParseError& e) {
    const Lang lang = default_lang();
    err << app.get_name() << ": " << e.what() << "\n"
        << say(lang, "katso '", "se '", "see '") << app.get_name() << " --help'\n";
    return kUnusable;
  }
  return std::nullopt;
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
                                : say(default_lang(), "pitää olla fi, sv tai en, ei \"", "ska vara fi, sv eller en, inte \"",
                                      "must be fi, sv or en, not \"") +
                                      code + "\"";
      },
      help == LangHelp::choices ? "{fi,sv,en}" : "");
  CLI::Option* option = app.add_option_function<std::string>(
                               "--lang", [&lang](const std::string& code) { lang = *parse_lang(code); }, description)
                            ->check(known);
  if (help == LangHelp::default_value) option->default_str(lang_code(lang));
  return option;
}

}  // namespace sujuva::cli
