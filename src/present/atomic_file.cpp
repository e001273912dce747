#include "present/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace sujuva {

namespace fs = std::filesystem;

std::string file_error_reason(const std::error_code& error, Lang lang) {
  switch (error.value()) {
    case ENOENT:
      return say(lang, "kansiota ei ole", "mappen finns inte", "no such folder");
    case EACCES:
    case EPERM:
      return say(lang, "ei oikeutta", "åtkomst nekad", "access denied");
    case ENOSPC:
      return say(lang, "levy on täynnä", "disken är full", "the disk is full");
    case EROFS:
      return say(lang, "vain luettavissa", "skrivskyddad", "read-only");
    case ENOTDIR:
      return say(lang, "polussa on tiedosto kansion paikalla", "sökvägen har en fil i stället för en mapp",
                 "a file stands where the path needs a folder");
    default:
      return error.message();
  }
}

void write_file_atomically(const std::string& path, std::string_view content, Lang lang) {
  fs::path target(path);
  std::error_code ec;
  if (fs::is_directory(target, ec))
    throw std::runtime_error(
        path + say(lang, ": on kansio, ei tiedosto", ": är en mapp, inte en fil", ": is a folder, not a file"));
  fs::path temporary = target;
  temporary += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      const std::error_code why(errno, std::generic_category());
      throw std::runtime_error(path + say(lang, ": ei voi kirjoittaa (", ": kan inte skrivas (", ": cannot write (") +
                               file_error_reason(why, lang) + ")");
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      fs::remove(temporary, ec);
      throw std::runtime_error(path + say(lang, ": kirjoitus epäonnistui (onko levy täynnä?)",
                                          ": skrivningen misslyckades (är disken full?)",
                                          ": write failed (disk full?)"));
    }
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    const std::error_code why = ec;
    fs::remove(temporary, ec);
    throw std::runtime_error(
        path + say(lang, ": tiedostoa ei voi korvata (", ": filen kan inte ersättas (", ": cannot replace the file (") +
        file_error_reason(why, lang) + ")");
  }
}

void create_folder(const std::string& dir, Lang lang) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw std::runtime_error(
        dir + say(lang, ": on tiedosto, ei kansio", ": är en fil, inte en mapp", ": exists and is not a folder"));
  fs::create_directories(dir, ec);
  if (ec)
    throw std::runtime_error(
        dir + say(lang, ": kansiota ei voi luoda (", ": mappen kan inte skapas (", ": cannot create the folder (") +
        file_error_reason(ec, lang) + ")");
}

}  // namespace sujuva
