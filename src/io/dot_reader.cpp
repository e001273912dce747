#include "io/dot_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <sstream>

#include "io/cgraph_memory.h"
#include "io/reader.h"
#include "text/format.h"

// Not in cgraph.h but exported: flushes the scanner's buffer, which otherwise
// carries what followed the last graph (a trailing newline) into the next read.
extern "C" void aglexbad(void);

namespace sujuva {

namespace io::detail {

namespace {

// cgraph reports through a global callback and is not thread-safe.
std::mutex cgraph_mutex;
std::string* cgraph_errors = nullptr;

int collect_cgraph_error(char* message) {
  if (cgraph_errors) *cgraph_errors += message;
  return 0;
}

// About 30 000 steps: below this the whole read takes a fraction of a second.
constexpr size_t kArenaFrom = 4 << 20;

// What kind of file this is when it is not DOT: BPMN, XES, other XML, a spreadsheet, a gzip
// file or a table of text; empty when it may be DOT. Judged by the content (a spreadsheet saved
// as .dot is still a spreadsheet), the name only breaking the tie between CSV and DOT.
std::string foreign_format(std::string_view text, const std::string& file) {
  auto starts = [&](std::string_view magic) { return text.substr(0, magic.size()) == magic; };
  if (starts("PK\x03\x04")) return "xlsx";  // Excel and LibreOffice files are ZIP archives
  if (starts("\xD0\xCF\x11\xE0")) return "xls";
  if (starts("\x1F\x8B")) return "gzip";
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // UTF-8 byte order mark
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  if (body[first] == '<') {
    std::string_view head = body.substr(first, 4096);
    if (head.find("bpmn") != std::string_view::npos || head.find("BPMN") != std::string_view::npos) return "bpmn";
    if (head.find("<log") != std::string_view::npos || head.find("xes") != std::string_view::npos) return "xes";
    return "xml";
  }
  // A table: no braces in the first lines, and the first line split by ';', ',' or tabs.
  std::string_view top = body.substr(first, 4096);
  if (top.find('{') != std::string_view::npos || top.find("graph") != std::string_view::npos) return "";
  std::string_view line = top.substr(0, top.find('\n'));
  int separators = 0;
  for (char c : line) separators += c == ';' || c == ',' || c == '\t';
  auto ends_with = [&](std::string_view suffix) {
    return file.size() >= suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (separators >= 2 || ends_with(".csv") || ends_with(".tsv")) return "csv";
  return "";
}

// "this is a BPMN file, not a DOT process model; …" in the messages' language.
std::string foreign_message(const std::string& format, const Messages& m) {
  std::string what;
  if (format == "bpmn")
    what = m.say("BPMN-tiedosto", "en BPMN-fil", "a BPMN file");
  else if (format == "xes")
    what = m.say("tapahtumaloki (XES)", "en händelselogg (XES)", "an event log (XES)");
  else if (format == "xml")
    what = m.say("XML-tiedosto", "en XML-fil", "an XML file");
  else if (format == "xlsx" || format == "xls")
    what = m.say("taulukkolaskentatiedosto (Excel tai vastaava)", "en kalkylbladsfil (Excel eller liknande)",
                 "a spreadsheet (Excel or similar)");
  else if (format == "gzip")
    what = m.say("pakattu tiedosto (gzip)", "en komprimerad fil (gzip)", "a compressed file (gzip)");
  else
    what = m.say("taulukko (CSV)", "en tabell (CSV)", "a table (CSV)");
  return m.say("tämä on ", "detta är ", "this is ") + what +
         m.say(" eikä DOT-prosessimalli; sujuva lukee prosessit DOT-kaavioina (digraph), katso processes/README.md",
               ", inte en processmodell i DOT; sujuva läser processer som DOT-grafer (digraph), se processes/README.md",
               ", not a DOT process model; sujuva reads processes as DOT digraphs, see processes/README.md");
}

// False (with an error) when the text is empty, binary, not UTF-8 or another kind of file,
// which cgraph would take badly (a BPMN file gave a syntax error and hundreds of warnings).
// Where `text` stops being UTF-8 (a byte that starts no character, or a character cut short);
// npos when it is UTF-8 throughout.
size_t first_invalid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return i;
    for (size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool valid_utf8(std::string_view text) { return first_invalid_utf8(text) == std::string_view::npos; }

// Where `charset=latin1` (or "latin-1", "ISO-8859-1", "l1", any case, quoted or not) gives the
// value, as {offset, length} of the value with its quotes; nullopt without such a declaration.
std::optional<std::pair<size_t, size_t>> latin1_declaration(std::string_view text) {
  static const std::regex declared(R"rx(charset\s*=\s*("?)(latin-?1|iso-?8859-?1|l1)\1)rx", std::regex::icase);
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(text.begin(), text.end(), m, declared)) return std::nullopt;
  const size_t value = static_cast<size_t>(m.position(1));
  return std::pair{value, static_cast<size_t>(m.length(1) * 2 + m.length(2))};
}

std::string latin1_to_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (unsigned char c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// The longest line read: 1 MiB, which Graphviz's lexer reads in about half a second.
constexpr size_t kMaxLineBytes = 1 << 20;

bool check_text(std::string_view text, Messages& messages) {
  if (std::string format = foreign_format(text, messages.file()); !format.empty()) {
    messages.error("foreign-file", 0, foreign_message(format, messages));
    return false;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    messages.error("empty-file", 0,
                   messages.say("tiedosto on tyhjä; prosessimalli on DOT-kaavio (digraph), katso processes/README.md",
                                "filen är tom; en processmodell är en DOT-graf (digraph), se processes/README.md",
                                "the file is empty; a process model is a DOT digraph, see processes/README.md"));
    return false;
  }
  if (text.find('\0') != std::string_view::npos) {
    messages.error(
        "binary-file", 0,
        messages.say("tämä on binääritiedosto eikä DOT-tekstitiedosto", "detta är en binärfil, inte en DOT-textfil",
                     "this is a binary file, not a DOT text file"));
    return false;
  }
  // Graphviz's lexer takes time in the square of a line's length (4 MB on one line: 6 s, 50 MB:
  // about twenty minutes), so a line longer than kMaxLineBytes is refused before the parse.
  int line = 1;
  for (size_t start = 0;; ++line) {
    const size_t end = std::min(text.find('\n', start), text.size());
    if (end - start > kMaxLineBytes) {
      messages.error("line-too-long", line,
                     fmt::format(fmt::runtime(messages.say(
                                     "rivi on {} tavua pitkä, kun raja on {}: jaa se useammalle riville (DOT "
                                     "sallii rivinvaihdon jokaisen ;-merkin jälkeen)",
                                     "raden är {} byte lång och gränsen {}: dela den på flera rader (DOT tillåter "
                                     "radbrytning efter varje ;)",
                                     "the line is {} bytes long, over the limit of {}: split it over several lines "
                                     "(DOT allows a line break after every ;)")),
                                 format_decimal(double(end - start), 0, messages.lang()),
                                 format_decimal(double(kMaxLineBytes), 0, messages.lang())));
      return false;
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  if (const size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    messages.error("encoding", 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n')),
                   messages.say("teksti ei ole kelvollista UTF-8:aa (tallenna tiedosto UTF-8-muodossa)",
                                "texten är inte giltig UTF-8 (spara filen som UTF-8)",
                                "the text is not valid UTF-8 (save the file as UTF-8)"));
    return false;
  }
  return true;
}

// The file's text, or nullopt and in `problem` why it cannot be read.
std::optional<std::string> read_text_file(const std::string& path, Lang lang, std::string& problem) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    problem = say(lang, "tiedostoa ei ole", "filen finns inte", "no such file");
    return std::nullopt;
  }
  if (fs::is_directory(path, ec)) {
    problem = say(lang, "on hakemisto eikä prosessimallitiedosto", "är en katalog, inte en processmodellfil",
                  "is a directory, not a process model file");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problem = say(lang, "tiedostoa ei voi lukea (puuttuuko lukuoikeus?)", "filen kan inte läsas (saknas behörighet?)",
                  "cannot be read (permission denied?)");
    return std::nullopt;
  }
  // One copy of the text: a model of a million steps is over 100 MB.
  auto size = fs::file_size(path, ec);
  if (ec) {  // not a regular file (a pipe): read as a stream
    std::ostringstream stream;
    stream << in.rdbuf();
    return std::move(stream).str();
  }
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

}  // namespace

// cgraph's parse, the longest step, runs while a second thread indexes the
// source lines: the two only read the text.
Agraph_t* Reader::parse(std::string& cgraph_messages) {
  // The index thread then also makes room for the steps and routes the index
  // counted: on a large model that is hundreds of megabytes to fault in, off
  // the parse's path. The main thread touches neither until it has the index.
  std::future<SourceLines> index = std::async(std::launch::async, [this] {
    SourceLines lines = index_source_lines(text_);
    add_steps(lines.node_count());
    routes_.resize(lines.route_mentions());
    routes_.clear();
    return lines;
  });
  Agraph_t* g = nullptr;
  {
    std::lock_guard lock(cgraph_mutex);
    cgraph_errors = &cgraph_messages;
    agseterr(AGWARN);
    agusererrf previous = agseterrf(collect_cgraph_error);
    // agsetfile restarts cgraph's line counter, which otherwise runs on across reads.
    std::string file_for_cgraph = messages_.file();
    agsetfile(file_for_cgraph.data());
    TextChannel channel{text_};
    // Small models take cgraph's default memory, large ones the arena (see cgraph_memory.h).
    Agdisc_t discipline = reading_discipline(text_.size() >= kArenaFrom ? Memory::arena : Memory::malloc);
    g = agread(&channel, &discipline);
    aglexbad();
    // cgraph keeps the name's pointer for its messages: leave it on a string that lives on, not
    // on this function's copy (AddressSanitizer: a later parse error read it after it was freed).
    static char no_file[] = "";
    agsetfile(no_file);
    agseterrf(previous);
    cgraph_errors = nullptr;
  }
  lines_ = index.get();
  return g;
}

namespace {

// An unquoted number with a decimal comma (`fte=0,5`, `p=0,85]`) outside strings and comments,
// as Finns and Swedes write numbers: DOT reads the comma as the end of the attribute, so cgraph
// reports a syntax error somewhere after it. Each is found with its line and the fix.
struct DecimalComma {
  int line;
  size_t at;  // where the name begins in the text
  std::string name, number;
};

// Walks `text` outside quoted strings and comments, counting lines: `visit(i, line, line_begin)`
// is called for each such character and answers where to go on from (i + 1 as usual, npos to
// stop). The decimal-comma and bracket checks share it.
template <class Visit>
void scan_code(std::string_view text, Visit visit) {
  int line = 1;
  size_t line_begin = 0;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '\n') {
      ++line;
      line_begin = ++i;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\')
          ++i;
        else if (text[i] == '\n')
          ++line, line_begin = i + 1;
      }
      ++i;
    } else if (c == '/' && next == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && next == '*') {
      for (i += 2; i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/'); ++i)
        if (text[i] == '\n') ++line, line_begin = i + 1;
      i += 2;
    } else {
      i = visit(i, line, line_begin);
    }
  }
}

// Line `line` (1-based) of `text`, without its line end; "" past the end.
std::string_view line_text(std::string_view text, int line) {
  size_t begin = 0;
  for (int l = 1; l < line; ++l) {
    begin = text.find('\n', begin);
    if (begin == std::string_view::npos) return {};
    ++begin;
  }
  size_t end = std::min(text.find('\n', begin), text.size());
  if (end > begin && text[end - 1] == '\r') --end;
  return text.substr(begin, end - begin);
}

// `token` in `line` where it stands alone: an identifier not inside a longer one ("b" is not in
// "label"); from the end with `last`.
size_t find_token(std::string_view line, std::string_view token, bool last = false) {
  auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); };
  const bool word = !token.empty() && is_name(token.front());
  for (size_t at = last ? line.rfind(token) : line.find(token); at != std::string_view::npos;
       at = last ? (at == 0 ? std::string_view::npos : line.rfind(token, at - 1)) : line.find(token, at + 1)) {
    if (!word) return at;
    const bool starts = at == 0 || !is_name(line[at - 1]);
    const bool ends = at + token.size() >= line.size() || !is_name(line[at + token.size()]);
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

struct TextPlace {
  int line;
  size_t offset;  // in the line
};

// The last `[` still open at `until` (a line and an offset in it), outside strings and comments:
// an attribute list that was never closed, which cgraph reports only at a later token.
std::optional<TextPlace> unclosed_bracket(std::string_view text, TextPlace until) {
  std::vector<TextPlace> open;
  scan_code(text, [&](size_t i, int line, size_t line_begin) {
    if (line > until.line || (line == until.line && i - line_begin >= until.offset)) return std::string_view::npos;
    if (text[i] == '[')
      open.push_back({line, i - line_begin});
    else if (text[i] == ']' && !open.empty())
      open.pop_back();
    return i + 1;
  });
  if (open.empty()) return std::nullopt;
  return open.back();
}

// The 1-based column, in code points, of byte `at` of `line`.
int column_of(std::string_view line, size_t at) {
  int column = 1;
  for (size_t i = 0; i < at && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

std::vector<DecimalComma> unquoted_decimal_commas(std::string_view text) {
  std::vector<DecimalComma> found;
  auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  scan_code(text, [&](size_t i, int line, size_t) {  // in a quoted string "0,5" is fine
    if (text[i] != '=') return i + 1;
    size_t name_end = i;
    while (name_end > 0 && std::isspace(static_cast<unsigned char>(text[name_end - 1]))) --name_end;
    size_t name_begin = name_end;
    while (name_begin > 0 && is_name(text[name_begin - 1])) --name_begin;
    size_t k = i + 1;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    const size_t number_begin = k;
    while (k < text.size() && is_digit(text[k])) ++k;
    if (k == number_begin || k + 1 >= text.size() || text[k] != ',' || !is_digit(text[k + 1])) return i + 1;
    ++k;
    while (k < text.size() && is_digit(text[k])) ++k;
    if (k < text.size() && (is_name(text[k]) || text[k] == '.')) return i + 1;  // `x=1,5h` is not a number alone
    found.push_back({line, name_begin, std::string(text.substr(name_begin, name_end - name_begin)),
                     std::string(text.substr(number_begin, k - number_begin))});
    return k;
  });
  return found;
}

}  // namespace

// cgraph says e.g. "Error: t.dot: syntax error in line 3 near 'x'": keep the line, find the token
// on it for the caret, and name the usual mistakes behind it.
void Reader::syntax_error(const std::string& cgraph_messages) {
  if (auto commas = unquoted_decimal_commas(text_); !commas.empty()) {
    for (const auto& c : commas) {
      std::string point = c.number;
      point[point.find(',')] = '.';
      const size_t line_begin = std::string_view(text_).rfind('\n', c.at == 0 ? 0 : c.at - 1);
      const size_t offset = line_begin == std::string_view::npos || c.at == 0 ? c.at : c.at - line_begin - 1;
      std::string_view source = line_text(text_, c.line);
      messages_.error_at("decimal-comma", c.line, column_of(source, offset), std::string(source),
                         c.name + "=" + c.number +
                             messages_.say(": desimaalipilkku katkaisee DOT-määritteen; kirjoita ",
                                           ": decimalkommat bryter DOT-attributet; skriv ",
                                           ": the decimal comma ends the DOT attribute; write ") +
                             c.name + "=" + point + messages_.say(" tai ", " eller ", " or ") + c.name + "=\"" +
                             c.number + "\"");
    }
    return;
  }
  int line = 0;
  auto at = cgraph_messages.find("line ");
  if (at != std::string::npos) line = std::atoi(cgraph_messages.c_str() + at + 5);
  std::string token;  // what cgraph stopped at, without its quotes
  if (auto near = cgraph_messages.find("near '"); near != std::string::npos) {
    auto end = cgraph_messages.find('\'', near + 6);
    if (end != std::string::npos) token = cgraph_messages.substr(near + 6, end - near - 6);
  }
  const std::string format_hint =
      messages_.say(" (muoto: katso processes/README.md)", " (formatet: se processes/README.md)",
                    " (see processes/README.md for the format)");
  std::string message = messages_.say("DOT-syntaksivirhe", "DOT-syntaxfel", "DOT syntax error") +
                        (token.empty() ? "" : " " + messages_.say("kohdassa ", "nära ", "near ") + "'" + token + "'");
  // The token on its line, or at the end of the line before (cgraph reads on to the next token).
  std::string_view source = line_text(text_, line);
  size_t found = token.empty() ? std::string_view::npos : find_token(source, token);
  if (found == std::string_view::npos && !token.empty() && line > 1) {
    std::string_view before = line_text(text_, line - 1);
    if (size_t f = find_token(before, token, true); f != std::string_view::npos) {
      --line;
      source = before;
      found = f;
    }
  }
  if (found == std::string_view::npos && !token.empty()) {
    std::string_view after = line_text(text_, line + 1);
    if (size_t f = find_token(after, token); f != std::string_view::npos) {
      ++line;
      source = after;
      found = f;
    }
  }
  // An attribute list left open before the token: the caret under its `[`.
  const TextPlace token_place{found == std::string_view::npos ? line + 1 : line,
                              found == std::string_view::npos ? 0 : found};
  std::optional<TextPlace> open = unclosed_bracket(text_, token_place);
  if (open && line_text(text_, open->line).find(']', open->offset) != std::string_view::npos)
    open.reset();  // closed later on its line: the mistake is inside the list, not its end
  if (open && !token.empty() && token != "]") {
    std::string_view open_line = line_text(text_, open->line);
    messages_.error_at("syntax", open->line, column_of(open_line, open->offset), std::string(open_line),
                       messages_.say("tämä [ jää sulkematta: lisää ] määritteiden perään",
                                     "denna [ stängs aldrig: lägg till ] efter attributen",
                                     "this [ is never closed: add ] after the attributes"));
    return;
  }
  if (found == std::string_view::npos) {
    messages_.error_at("syntax", line, 0, std::string(source), message + format_hint);
    return;
  }
  // `a ->` and then `}` or `;`: a route without the step it goes to; the caret under the `->`.
  if (token == "}" || token == ";") {
    int arrow_line = line;
    std::string_view arrow_source = source.substr(0, found);
    while (arrow_source.find_last_not_of(" \t") == std::string_view::npos && arrow_line > 1)
      arrow_source = line_text(text_, --arrow_line);
    const size_t last = arrow_source.find_last_not_of(" \t");
    if (last != std::string_view::npos && last >= 1 && arrow_source.substr(last - 1, 2) == "->") {
      std::string_view whole = line_text(text_, arrow_line);
      messages_.error_at("syntax", arrow_line, column_of(whole, last - 1), std::string(whole),
                         messages_.say("reitiltä puuttuu vaihe, johon se vie: kirjoita esim. a -> b",
                                       "vägen saknar steget den leder till: skriv t.ex. a -> b",
                                       "the route lacks the step it goes to: write e.g. a -> b"));
      return;
    }
  }
  // `q=]` or `q=;`: an attribute without a value; the caret under its `=`.
  size_t back = found;
  while (back > 0 && (source[back - 1] == ' ' || source[back - 1] == '\t')) --back;
  if (back > 0 && source[back - 1] == '=' && (token == "]" || token == ";" || token == ",")) {
    size_t name_end = back - 1;
    while (name_end > 0 && source[name_end - 1] == ' ') --name_end;
    size_t name_begin = name_end;
    while (name_begin > 0 &&
           (std::isalnum(static_cast<unsigned char>(source[name_begin - 1])) || source[name_begin - 1] == '_'))
      --name_begin;
    std::string name(source.substr(name_begin, name_end - name_begin));
    messages_.error_at(
        "syntax", line, column_of(source, back - 1), std::string(source),
        fmt::format(fmt::runtime(messages_.say("määritteeltä \"{0}\" puuttuu arvo; kirjoita {0}=ARVO tai poista se",
                                               "attributet \"{0}\" saknar värde; skriv {0}=VÄRDE eller ta bort det",
                                               "the attribute \"{0}\" has no value; write {0}=VALUE or remove it")),
                    name));
    return;
  }
  messages_.error_at("syntax", line, column_of(source, found), std::string(source), message + format_hint);
}

// Vertices are numbered in cgraph's node order; the tables by cgraph's sequence number are sized.
void Reader::number_nodes(Agraph_t* g) {
  size_t sequence_end = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) sequence_end = std::max<size_t>(sequence_end, AGSEQ(n) + 1);
  role_of_node_.assign(sequence_end, -1);
  ordinal_of_.assign(sequence_end, -1);
  vertex_of_.resize(sequence_end);
  StepVertex v = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) vertex_of_[AGSEQ(n)] = v++;
  // The index counts nodes as cgraph does, except in odd corners of DOT.
  if (boost::num_vertices(process_.graph) != static_cast<size_t>(agnnodes(g))) {
    process_.graph.clear();
    add_steps(agnnodes(g));
  }
}

bool Reader::read() {
  // Graphviz honours charset=latin1, and so does sujuva: the text is read as Latin-1 and told so;
  // undeclared text that is not UTF-8 is still refused with its line.
  if (auto declared = latin1_declaration(text_); declared && !valid_utf8(text_)) {
    const int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + declared->first, '\n'));
    converted_ = latin1_to_utf8(text_.substr(0, declared->first)) + "\"UTF-8\"" +
                 latin1_to_utf8(text_.substr(declared->first + declared->second));
    text_ = converted_;
    messages_.warning("charset", line,
                      messages_.say("tiedosto on Latin-1-merkistössä (charset=latin1), ja se luettiin sellaisena; "
                                    "tallenna se mieluummin UTF-8-muodossa",
                                    "filen är i teckenkodningen Latin-1 (charset=latin1) och lästes som sådan; spara "
                                    "den hellre som UTF-8",
                                    "the file is in Latin-1 (charset=latin1) and was read as such; better save it as "
                                    "UTF-8"));
  }
  if (!check_text(text_, messages_)) return false;
  std::string cgraph_messages;
  Agraph_t* g = parse(cgraph_messages);
  if (!g) {
    syntax_error(cgraph_messages);
    return false;
  }
  // With the arena, closing is one step whatever the size of the graph.
  auto close = [](Agraph_t* graph) {
    std::lock_guard lock(cgraph_mutex);
    agclose(graph);
  };
  std::unique_ptr<Agraph_t, decltype(close)> graph(g, close);
  if (!agisdirected(g)) {
    messages_.error(
        "undirected", 1,
        messages_.say("prosessi on suuntaamaton kaavio; kirjoita `digraph`, jotta reiteillä on suunta",
                      "processen är en oriktad graf; skriv `digraph` så att rutterna har en riktning",
                      "the process is an undirected graph; write `digraph` so that routes have a direction"));
    return false;
  }
  number_nodes(g);
  read_graph_settings(g);
  collect_roles(g, g, std::nullopt);
  read_steps(g);
  read_routes(g);
  graph.reset();
  lines_ = {};
  build_routes();
  check_classes();
  process_.file = messages_.file();
  process_.name = std::filesystem::path(messages_.file()).stem().string();
  return true;
}

}  // namespace io::detail

ReadResult read_process_text(std::string_view text, const std::string& file_name, Lang lang) {
  ReadResult result;
  if (!io::detail::Reader(text, file_name, lang, result).read()) result.process.reset();
  return result;
}

ReadResult read_process_file(const std::string& path, Lang lang) {
  std::string problem;
  auto text = io::detail::read_text_file(path, lang, problem);
  if (!text) return ReadResult{std::nullopt, {{Severity::error, path, 0, problem, {}, "file"}}};
  return read_process_text(*text, path, lang);
}

int dot_attribute_line(const std::string& path, std::string_view name) {
  std::string problem;
  auto text = io::detail::read_text_file(path, Lang::en, problem);
  return text ? io::detail::index_source_lines(*text).attribute_line(name) : 0;
}

}  // namespace sujuva
