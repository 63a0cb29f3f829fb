// The command-line subcommands (PRODUCT.md's stable contract). Each returns the process exit code:
// 0 success, 1 failure with a one-line reason on stderr, 2 bad usage.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace reflect::cli {

/// `templates check [DIR]`: one line per problem (file:line: field: message) on stderr, a summary on stdout.
int templatesCheck(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);

/// `set-pin --role lead|facilitator`: reads the PIN from the first line of `in`.
int setPin(const std::filesystem::path& db, const std::string& role, std::istream& in, std::ostream& out,
           std::ostream& err);

}  // namespace reflect::cli
