// Helpers shared by the subcommands: argument parsing with the shared exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "model/lang.h"
#include "present/table.h"

namespace sujuva::cli {

// Parses `args` into `app`. Returns an exit code when the command should stop
// (help printed: 0; usage error: 2), nullopt to go on. Help and usage errors are in the language
// of the arguments (args_lang): CLI11's headings, value types and messages are translated.
std::optional<int> parse_arguments(CLI::App& app, const Args& args, std::ostream& out, std::ostream& err);

// The language the arguments ask for before they are parsed, so that help and option errors can
// be in it: the value of `--lang X` or `--lang=X` when it is fi, sv or en, otherwise default_lang().
Lang args_lang(const Args& args);

// What `--help` shows after `--lang TEXT`: nothing, the choices (`:{fi,sv,en}`) or the default
// (`=fi`), as each command has always shown it.
enum class LangHelp { plain, choices, default_value };

// The language of every command when `--lang` is not given: the environment variable
// SUJUVA_LANG (fi, sv or en) if set to one of them, otherwise Finnish.
Lang default_lang();

// Adds `--lang fi|sv|en`, which sets `lang` (first to default_lang()). Another value is
// a usage error like any other (exit code 2): `--lang: must be fi, sv or en, not "xx"`.
CLI::Option* add_lang_option(CLI::App& app, Lang& lang, const std::string& description,
                             LangHelp help = LangHelp::plain);

// "malli.dot: ei käyttökelpoinen": after a model's errors, that the command cannot go on with it.
std::string unusable_file(const std::string& file, Lang lang);

// "x.txt: tuntematon muoto; anna tiedostonimi, joka päättyy .svg, .png, .pdf tai .dot".
std::string unknown_diagram_format(const std::string& path, Lang lang);

// Whether writing `output` would write over one of `inputs` (the same file however spelt, by
// file identity); then prints why not to `err` as "command: OPTION OUTPUT: …" and returns true.
bool writes_over_input(const std::string& command, const std::string& option, const std::string& output,
                       const std::vector<std::string>& inputs, Lang lang, std::ostream& err);

// What went wrong, for the user: a layout stopped by its time limit (render/graphviz.h
// RenderTimeout) in `lang`, any other error as it says.
std::string error_text(const std::exception& error, Lang lang);

// Adds `--wide`: every column of every table, lines as long as they come.
void add_wide_option(CLI::App& app, bool& wide, Lang help);

// What text output may take: the terminal's width when standard output is one, else 100
// columns; with `wide`, no limit and every column.
TextFit text_fit(bool wide);

}  // namespace sujuva::cli
