#include "io/dot_reader.h"

#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <sstream>

#include "io/cgraph_memory.h"
#include "io/reader.h"

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
  if (format == "bpmn") what = m.say("BPMN-tiedosto", "en BPMN-fil", "a BPMN file");
  else if (format == "xes") what = m.say("tapahtumaloki (XES)", "en händelselogg (XES)", "an event log (XES)");
  else if (format == "xml") what = m.say("XML-tiedosto", "en XML-fil", "an XML file");
  else if (format == "xlsx" || format == "xls")
    what = m.say("taulukkolaskentatiedosto (Excel tai vastaava)", "en kalkylbladsfil (Excel eller liknande)",
                 "a spreadsheet (Excel or similar)");
  else if (format == "gzip") what = m.say("pakattu tiedosto (gzip)", "en komprimerad fil (gzip)", "a compressed file (gzip)");
  else what = m.say("taulukko (CSV)", "en tabell (CSV)", "a table (CSV)");
  return m.say("tämä on ", "detta är ", "this is ") + what +
         m.say(" eikä DOT-prosessimalli; sujuva lukee prosessit DOT-kaavioina (digraph), katso processes/README.md",
               ", inte en processmodell i DOT; sujuva läser processer som DOT-grafer (digraph), se processes/README.md",
               ", not a DOT process model; sujuva reads processes as DOT digraphs, see processes/README.md");
}

// False (with an error) when the text is empty, binary, not UTF-8 or another kind of file,
// which cgraph would take badly (a BPMN file gave a syntax error and hundreds of warnings).
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
  int line = 1;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!valid) {
      messages.error("encoding", line,
                     messages.say("teksti ei ole kelvollista UTF-8:aa (tallenna tiedosto UTF-8-muodossa)",
                                  "texten är inte giltig UTF-8 (spara filen som UTF-8)",
                                  "the text is not valid UTF-8 (save the file as UTF-8)"));
      return false;
    }
    if (c == '\n') ++line;
    i += length;
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
  std::string name, number;
};

std::vector<DecimalComma> unquoted_decimal_commas(std::string_view text) {
  std::vector<DecimalComma> found;
  int line = 1;
  auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (c == '"') {  // a quoted string: "0,5" is fine there
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '\n') ++line;
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
      --i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      for (i += 2; i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/'); ++i)
        if (text[i] == '\n') ++line;
      ++i;
    } else if (c == '=') {
      size_t name_end = i;
      while (name_end > 0 && std::isspace(static_cast<unsigned char>(text[name_end - 1]))) --name_end;
      size_t name_begin = name_end;
      while (name_begin > 0 && is_name(text[name_begin - 1])) --name_begin;
      size_t k = i + 1;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
      size_t number_begin = k;
      while (k < text.size() && is_digit(text[k])) ++k;
      if (k == number_begin || k + 1 >= text.size() || text[k] != ',' || !is_digit(text[k + 1])) continue;
      ++k;
      while (k < text.size() && is_digit(text[k])) ++k;
      if (k < text.size() && (is_name(text[k]) || text[k] == '.')) continue;  // `x=1,5h` is not a number alone
      found.push_back({line, std::string(text.substr(name_begin, name_end - name_begin)),
                       std::string(text.substr(number_begin, k - number_begin))});
      i = k - 1;
    }
  }
  return found;
}

}  // namespace

// cgraph says e.g. "Error: t.dot: syntax error in line 3 near 'x'": keep the line and the "near".
void Reader::syntax_error(const std::string& cgraph_messages) {
  if (auto commas = unquoted_decimal_commas(text_); !commas.empty()) {
    for (const auto& c : commas) {
      std::string point = c.number;
      point[point.find(',')] = '.';
      messages_.error("decimal-comma", c.line,
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
  auto near = cgraph_messages.find("near ");
  std::string detail = near == std::string::npos
                           ? ""
                           : " " + messages_.say("kohdassa ", "nära ", "near ") + cgraph_messages.substr(near + 5);
  while (!detail.empty() && std::isspace(static_cast<unsigned char>(detail.back()))) detail.pop_back();
  messages_.error("syntax", line,
                  messages_.say("DOT-syntaksivirhe", "DOT-syntaxfel", "DOT syntax error") + detail +
                      messages_.say(" (muoto: katso processes/README.md)", " (formatet: se processes/README.md)",
                                    " (see processes/README.md for the format)"));
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
