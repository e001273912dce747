#include "cli/common.h"

#include <algorithm>

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
    err << app.get_name() << ": " << e.what() << "\n"
        << "see '" << app.get_name() << " --help'\n";
    return kUnusable;
  }
  return std::nullopt;
}

CLI::Option* add_lang_option(CLI::App& app, Lang& lang, const std::string& description, LangHelp help) {
  CLI::Validator known(
      [](std::string& code) { return parse_lang(code) ? std::string() : "must be fi, sv or en, not \"" + code + "\""; },
      help == LangHelp::choices ? "{fi,sv,en}" : "");
  CLI::Option* option = app.add_option_function<std::string>(
                               "--lang", [&lang](const std::string& code) { lang = *parse_lang(code); }, description)
                            ->check(known);
  if (help == LangHelp::default_value) option->default_str(lang_code(lang));
  return option;
}

}  // namespace sujuva::cli
