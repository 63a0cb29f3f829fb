// The command-line subcommands (PRODUCT.md's stable contract). Each returns the process exit code:
// 0 success, 1 failure with a one-line reason on stderr, 2 bad usage.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>

namespace reflect::cli {

/// `templates check [DIR]`: one line per problem (file:line: field: message) on stderr, a summary on stdout.
int templatesCheck(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);

/// `set-pin --role lead|facilitator`: reads the PIN from the first line of `in`.
int setPin(const std::filesystem::path& db, const std::string& role, std::istream& in, std::ostream& out,
           std::ostream& err);

/// `redact [--lines]`: reads all of `in`, writes it to `out` with identifiers replaced by placeholders. With
/// `lines`, each line is scrubbed on its own and exactly one output line is written per input line (same line
/// endings). Input that is not UTF-8 writes nothing and gives one line on `err` naming the first bad line.
int redact(bool lines, std::istream& in, std::ostream& out, std::ostream& err);
/// `backup --to DIR`: a checked copy of the database in DIR; prints its path.
int backup(const std::filesystem::path& db, const std::filesystem::path& dir, std::int64_t wallNowMs, std::ostream& out,
           std::ostream& err);

/// `restore FILE`: replaces the database with FILE after integrity_check; refuses (one line, exit 1) otherwise.
int restore(const std::filesystem::path& db, const std::filesystem::path& file, std::ostream& out, std::ostream& err);

/// `verify`: integrity_check and foreign_key_check of the database; exit 0 when both are clean, else 1.
int verify(const std::filesystem::path& db, std::ostream& out, std::ostream& err);

}  // namespace reflect::cli
