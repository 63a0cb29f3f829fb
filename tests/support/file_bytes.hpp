// fileBytes: a whole file as bytes, for tests that look for words that must never reach the disk.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace reflect::test {

inline std::string fileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace reflect::test
