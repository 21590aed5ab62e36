// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Reading files for the donor module's loaders (IPD-IMGT/HLA releases, MAC tables): a whole
// file, and a line split into its fields.
#ifndef HSCT_DONOR_DETAIL_READ_FILE_HPP
#define HSCT_DONOR_DETAIL_READ_FILE_HPP

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    static_cast<void>(std::fclose(fp));  // opened for reading: a failed close loses nothing
    if (bad) {
        return std::nullopt;
    }
    return data;
}

/// Splits `line` on `sep`, keeping empty fields.
inline std::vector<std::string_view> split_keep_empty(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == sep) {
            out.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

}  // namespace hsct::donor::detail

#endif  // HSCT_DONOR_DETAIL_READ_FILE_HPP
