// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Reading a whole file for the donor module's loaders (IPD-IMGT/HLA releases, MAC tables).
#ifndef HSCT_DONOR_DETAIL_READ_FILE_HPP
#define HSCT_DONOR_DETAIL_READ_FILE_HPP

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>

namespace hsct::donor::detail {

/// The whole of a file, read with C stdio (no <fstream> in a module header); nullopt if it
/// cannot be opened or read.
[[nodiscard]] inline std::optional<std::string> read_whole_file(const std::string& path) {
    std::FILE* fp = std::fopen(path.c_str(), "rb");
    if (fp == nullptr) {
        return std::nullopt;
    }
    std::string data;
    char buf[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(buf, 1, sizeof buf, fp)) > 0) {
        data.append(buf, got);
    }
    const bool bad = std::ferror(fp) != 0;
    std::fclose(fp);
    if (bad) {
        return std::nullopt;
    }
    return data;
}

}  // namespace hsct::donor::detail

#endif  // HSCT_DONOR_DETAIL_READ_FILE_HPP
